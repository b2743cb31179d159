package dev.cairn.runtime.internal.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of an SQL migration file, computed by the processor at compile time and again by
 * the runtime from the resource it loads, so that a file edited without recompiling is caught.
 *
 * <p>Format {@value #TAG}: the tag, a colon, and the lowercase hex SHA-256 of the file's tokens
 * without its comments (a header comment such as {@code -- cairn: dependsOn=2} included) and
 * without the whitespace between tokens: reformatting, re-indenting, rewording a comment, a BOM
 * or line endings do not count; any other token does, and so does any change inside a string or
 * quoted identifier (line endings in them count as {@code \n}). Each token goes into the digest
 * as its length, a colon and its text, so that {@code a b} and {@code ab} differ.
 *
 * <p>The tokens are always read by PostgreSQL's rules ({@code $tag$...$tag$} quotes, {@code E'...'}
 * escapes, nested block comments), whatever the database: the same file has one checksum.
 */
public final class SqlChecksum {

    /** Names this way of computing the checksum. */
    public static final String TAG = "sql1";

    private SqlChecksum() {
    }

    /** The tagged checksum of an SQL file's text, such as {@code "sql1:3f2a..."}. */
    public static String of(String sqlText) {
        String text = normalizedLineEndings(sqlText.startsWith("\uFEFF") ? sqlText.substring(1) : sqlText);
        StringBuilder tokens = new StringBuilder(text.length());
        for (SqlLexer.Token token : SqlLexer.tokens(text, SqlFlavor.POSTGRESQL)) {
            if (token.kind() != SqlLexer.Kind.COMMENT) {
                tokens.append(token.end() - token.start()).append(':').append(text, token.start(), token.end());
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokens.toString().getBytes(StandardCharsets.UTF_8));
            return TAG + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String normalizedLineEndings(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
