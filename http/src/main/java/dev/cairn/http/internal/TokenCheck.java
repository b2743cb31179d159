package dev.cairn.http.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The server's tokens, kept only as SHA-256 digests, and the check of a presented one. Comparing
 * digests of equal length with {@link MessageDigest#isEqual} takes the same time whatever the
 * token's length or how much of it matches, and both tokens are always compared, so the answer's
 * timing tells nothing about either.
 */
public final class TokenCheck {

    private final byte[] read;
    private final byte[] write;

    /** The {@link #digest}s of the tokens; either may be null: absent. */
    public TokenCheck(byte[] readDigest, byte[] writeDigest) {
        this.read = readDigest == null ? null : readDigest.clone();
        this.write = writeDigest == null ? null : writeDigest.clone();
    }

    /** Whether a write token was configured: without one, the server only reads. */
    public boolean hasWriteToken() {
        return write != null;
    }

    /** The scope {@code presented} grants: {@link Scope#WRITE} for the write token, {@link Scope#READ} for the read token. */
    public Optional<Scope> scopeOf(String presented) {
        byte[] digest = digest(presented);
        boolean isWrite = write != null && MessageDigest.isEqual(write, digest);
        boolean isRead = read != null && MessageDigest.isEqual(read, digest);
        return isWrite ? Optional.of(Scope.WRITE) : isRead ? Optional.of(Scope.READ) : Optional.empty();
    }

    /** A token's SHA-256 digest, as the server keeps it. */
    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
