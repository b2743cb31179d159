package dev.cairn.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.internal.Scope;
import dev.cairn.http.internal.TokenCheck;
import dev.cairn.runtime.ErrorCode;
import dev.cairn.runtime.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    @TempDir
    Path dir;

    @Test
    void filesHoldTheTokenOnTheirFirstLineTrimmed() throws IOException {
        Path read = Files.writeString(dir.resolve("read"), "  r-token-1 \nsecond line is ignored\n");
        Path write = Files.writeString(dir.resolve("write"), "w-token-2\n");
        AccessTokens tokens = AccessTokens.fromFiles(read, write);
        TokenCheck check = tokens.check();
        assertEquals(Optional.of(Scope.READ), check.scopeOf("r-token-1"));
        assertEquals(Optional.of(Scope.WRITE), check.scopeOf("w-token-2"));
        assertEquals(Optional.empty(), check.scopeOf("r-token-1 "));
        assertEquals(Optional.empty(), check.scopeOf("second line is ignored"));
        assertEquals("read token from " + read + ", write token from " + write, tokens.toString());
    }

    @Test
    void aMissingOrEmptyTokenFileIsRefusedNamingItButNotItsContent() throws IOException {
        MigrationException missing = assertThrows(MigrationException.class,
                () -> AccessTokens.fromFiles(dir.resolve("absent"), null));
        assertEquals(ErrorCode.INVALID_CONFIGURATION, missing.code());
        assertEquals("Cannot read the read token file " + dir.resolve("absent") + " (NoSuchFileException). Check that it exists and"
                + " this user may read it.", missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n token-on-the-second-line\n");
        MigrationException blank = assertThrows(MigrationException.class, () -> AccessTokens.fromFiles(null, empty));
        assertEquals("The write token file " + empty + " holds no token on its first line. Write the token on the file's first line.",
                blank.getMessage());
    }

    @Test
    void theEnvironmentGivesEitherTokenAndBlankIsAbsent() {
        AccessTokens tokens = AccessTokens.fromEnvironment(Map.of("CAIRN_HTTP_READ_TOKEN", "env-read", "CAIRN_HTTP_WRITE_TOKEN", " "));
        assertTrue(tokens.hasReadToken());
        assertFalse(tokens.hasWriteToken());
        assertEquals("read token from CAIRN_HTTP_READ_TOKEN, no write token", tokens.toString());
        assertTrue(AccessTokens.fromEnvironment(Map.of()).isEmpty());
    }

    @Test
    void orElseTakesEachAbsentTokenFromTheFallback() {
        AccessTokens tokens = AccessTokens.of("given-read", null).orElse(AccessTokens.fromEnvironment(Map.of(
                "CAIRN_HTTP_READ_TOKEN", "env-read", "CAIRN_HTTP_WRITE_TOKEN", "env-write")));
        assertEquals(Optional.of(Scope.READ), tokens.check().scopeOf("given-read"));
        assertEquals(Optional.empty(), tokens.check().scopeOf("env-read"));
        assertEquals(Optional.of(Scope.WRITE), tokens.check().scopeOf("env-write"));
        assertEquals("read token given, write token from CAIRN_HTTP_WRITE_TOKEN", tokens.toString());
    }

    @Test
    void tokensThatCannotWorkAreRefusedWithoutShowingThem() {
        MigrationException same = assertThrows(MigrationException.class, () -> AccessTokens.of("same-token", "same-token"));
        assertEquals("The read token (given) and the write token (given) are the same, so whoever may only read could run"
                + " migrations. Give each scope a token of its own.", same.getMessage());
        MigrationException spaced = assertThrows(MigrationException.class, () -> AccessTokens.of(null, "has space"));
        assertEquals("The write token (given) cannot be used: it holds a space, a control character or a non-ASCII character,"
                + " which an Authorization header cannot carry. Use a long random token of letters, digits and - . _ ~ + /, such"
                + " as the output of openssl rand -hex 32.", spaced.getMessage());
        assertThrows(MigrationException.class, () -> AccessTokens.of("", null));
        assertFalse(AccessTokens.of("visible-read", "visible-write").toString().contains("visible"));
    }
}
