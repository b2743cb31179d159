package dev.cairn.runtime.internal.sql;

/**
 * One statement of an SQL text, as {@link SqlSplitter} found it.
 *
 * @param text the statement from its first token to its last, without the {@code ;} that ends
 *     it and without the comments before it
 * @param offset where {@code text} starts in the whole SQL text, from 0
 * @param line the line of the whole text on which it starts, from 1
 * @param column the column at which it starts on that line, from 1
 */
public record SqlStatement(String text, int offset, int line, int column) {

    /** Where the character at {@code index} of {@link #text()} is in the whole text: {@code "line 12, column 8"}. */
    public String locationOf(int index) {
        int line = this.line;
        int column = this.column;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }
}
