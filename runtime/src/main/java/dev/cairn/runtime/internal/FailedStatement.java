package dev.cairn.runtime.internal;

import dev.cairn.runtime.internal.sql.SqlStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement that failed, as a failure message shows it: alone, even when the SQL given to
 * the context held several, with where it is in that SQL; and the database's error with the
 * position it gives (PostgreSQL's {@code Position: 58}, counted in the failing statement) turned
 * into a line and column of that SQL, which is what the user has in front of them.
 *
 * @param text the statement as shown, its values inlined or in a comment
 * @param statement the statement as it was split from the SQL given
 * @param number its place among the statements of that SQL, from 1
 * @param of how many statements that SQL has
 * @param method the context's method that was given the SQL, {@code "execute()"}
 * @param positioned whether the database saw the statement as written, so that its positions
 *     count in it: not so when it was prepared with values, whose placeholders the driver rewrites
 * @param multiLine whether the SQL given has more than one line, so that a line and column say
 *     more than the position does
 * @param inFile whether the SQL is a SQL migration's file, {@code method} its path: the line in
 *     the file is then always given, since that is where the user looks
 */
record FailedStatement(String text, SqlStatement statement, int number, int of, String method, boolean positioned,
        boolean multiLine, boolean inFile) {

    /** A line of the database's error that points into the statement, in characters from 1. */
    private static final Pattern POSITION = Pattern.compile("(?m)^(\\s*Position: )(\\d{1,9})$");

    /** What the message calls it: {@code "Statement 5 of 10, at line 17 of the SQL given to execute()"}. */
    String heading() {
        if (inFile) {
            return "Statement " + number + " of " + of + ", at line " + statement.line() + " of " + method;
        }
        return of == 1 ? "Statement" : "Statement " + number + " of " + of + ", at line " + statement.line() + " of the SQL"
                + " given to " + method;
    }

    /** The statement's text for a message, cut short if long. */
    String shown() {
        return StatementText.shown(text);
    }

    /** The database's error, with a position in the statement also given as a line and column of the whole SQL. */
    String located(String error) {
        Matcher position = POSITION.matcher(error);
        if (!positioned || !(multiLine || of > 1 || inFile) || !position.find()) {
            return error;
        }
        String sql = statement.text();
        int characters = Integer.parseInt(position.group(2)) - 1;
        if (characters >= sql.codePointCount(0, sql.length())) {
            return error;
        }
        String location = statement.locationOf(sql.offsetByCodePoints(0, characters));
        return error.substring(0, position.end()) + " (" + location + " of " + (inFile ? "" : "the SQL given to ") + method
                + ")" + error.substring(position.end());
    }
}
