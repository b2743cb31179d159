package dev.cairn.http;

import dev.cairn.http.internal.TokenCheck;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bearer tokens a {@link CairnHttpServer} requires: a read token for the endpoints that only
 * read, and a write token, which may also read, for those that run migrations. Either may be
 * absent: a server with only a read token is read-only. Requests show one as
 * {@code Authorization: Bearer <token>}.
 *
 * <p>Only digests of the tokens are kept; {@link #toString()} says where they came from, never
 * what they are, and no log line or error shows one.
 */
public final class AccessTokens {

    /** The environment variable of the read token. */
    public static final String READ_TOKEN_VARIABLE = "CAIRN_HTTP_READ_TOKEN";
    /** The environment variable of the write token. */
    public static final String WRITE_TOKEN_VARIABLE = "CAIRN_HTTP_WRITE_TOKEN";

    private final Token read;
    private final Token write;

    private AccessTokens(Token read, Token write) {
        if (read != null && write != null && MessageDigest.isEqual(read.digest, write.digest)) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The read token (" + read.source
                    + ") and the write token (" + write.source + ") are the same, so whoever may only read could run"
                    + " migrations. Give each scope a token of its own.");
        }
        this.read = read;
        this.write = write;
    }

    /** The tokens of {@value #READ_TOKEN_VARIABLE} and {@value #WRITE_TOKEN_VARIABLE}; an unset or blank variable is absent. */
    public static AccessTokens fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static AccessTokens fromEnvironment(Map<String, String> environment) {
        return new AccessTokens(variable(environment, READ_TOKEN_VARIABLE, "read"),
                variable(environment, WRITE_TOKEN_VARIABLE, "write"));
    }

    /**
     * The given tokens; either may be {@code null}: absent.
     *
     * @throws MigrationException with {@link ErrorCode#INVALID_CONFIGURATION} for a token that is empty,
     *     that an {@code Authorization} header cannot carry (spaces, control or non-ASCII characters),
     *     or when both are the same
     */
    public static AccessTokens of(String readToken, String writeToken) {
        return new AccessTokens(token(readToken, "read", "given"), token(writeToken, "write", "given"));
    }

    /**
     * The tokens on the first line of each file (trimmed); either file may be {@code null}: that
     * token is absent.
     *
     * @throws MigrationException with {@link ErrorCode#INVALID_CONFIGURATION} for a file that cannot be
     *     read or whose first line holds no token
     */
    public static AccessTokens fromFiles(Path readTokenFile, Path writeTokenFile) {
        return new AccessTokens(file(readTokenFile, "read"), file(writeTokenFile, "write"));
    }

    /** These tokens, with each absent one taken from {@code fallback}: {@code fromFiles(r, w).orElse(fromEnvironment())}. */
    public AccessTokens orElse(AccessTokens fallback) {
        return new AccessTokens(read != null ? read : fallback.read, write != null ? write : fallback.write);
    }

    /** Whether there is a read token. */
    public boolean hasReadToken() {
        return read != null;
    }

    /** Whether there is a write token: without one, a server only reads. */
    public boolean hasWriteToken() {
        return write != null;
    }

    /** Whether there is no token at all. */
    public boolean isEmpty() {
        return read == null && write == null;
    }

    /** The check of presented tokens, for the server. */
    TokenCheck check() {
        return new TokenCheck(read == null ? null : read.digest, write == null ? null : write.digest);
    }

    /** Where the tokens came from, such as {@code read token from CAIRN_HTTP_READ_TOKEN, no write token}. */
    @Override
    public String toString() {
        return (read == null ? "no read token" : "read token " + read.source) + ", "
                + (write == null ? "no write token" : "write token " + write.source);
    }

    private static Token variable(Map<String, String> environment, String name, String scope) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : token(value.trim(), scope, "from " + name);
    }

    private static Token file(Path file, String scope) {
        if (file == null) {
            return null;
        }
        String firstLine;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            firstLine = lines.findFirst().orElse("").trim();
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "Cannot read the " + scope + " token file " + file
                    + " (" + e.getClass().getSimpleName() + "). Check that it exists and this user may read it.");
        }
        if (firstLine.isEmpty()) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The " + scope + " token file " + file
                    + " holds no token on its first line. Write the token on the file's first line.");
        }
        return token(firstLine, scope, "from " + file);
    }

    private static Token token(String value, String scope, String source) {
        if (value == null) {
            return null;
        }
        String problem = value.isEmpty() ? "it is empty"
                : value.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? null
                : "it holds a space, a control character or a non-ASCII character, which an Authorization header cannot carry";
        if (problem != null) {
            throw new MigrationException(ErrorCode.INVALID_CONFIGURATION, "The " + scope + " token (" + source + ") cannot be used: "
                    + problem + ". Use a long random token of letters, digits and - . _ ~ + /, such as the output of"
                    + " openssl rand -hex 32.");
        }
        return new Token(TokenCheck.digest(value), source);
    }

    /** A token's SHA-256 digest, the only form kept, and where the token came from, for messages. */
    private record Token(byte[] digest, String source) {
        @Override
        public String toString() {
            return source;
        }
    }
}
