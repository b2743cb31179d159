package dev.cairn.processor.generate;

import com.palantir.javapoet.CodeBlock;

/**
 * Java string literals that survive any text. JavaPoet's {@code $S} leaves U+2028 and U+2029 as
 * they are and then breaks the line at them, which ends the literal mid-string; here every
 * character outside printable ASCII is escaped.
 */
final class JavaLiterals {

    private JavaLiterals() {
    }

    /** {@code value} as a string literal, quotes included. */
    static CodeBlock string(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                case '\b' -> literal.append("\\b");
                case '\f' -> literal.append("\\f");
                default -> {
                    if (c < ' ') {
                        // Octal, not a unicode escape: javac turns \\u000a into a real line break.
                        literal.append(String.format("\\%03o", (int) c));
                    } else if (c < 0x7f) {
                        literal.append(c);
                    } else {
                        literal.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return CodeBlock.of("$L", literal.append('"'));
    }
}
