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

    /** Either token may be null: absent. */
    public TokenCheck(String readToken, String writeToken) {
        this.read = readToken == null ? null : digest(readToken);
        this.write = writeToken == null ? null : digest(writeToken);
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

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
