package dev.cairn.cli;

import java.io.Console;
import java.util.Map;

/**
 * What the command may do with its output: draw a live progress bar and ask for confirmation only
 * on a terminal, colour only where the terminal and the user allow it (the {@code NO_COLOR}
 * convention, {@code TERM=dumb}, {@code --no-color}).
 *
 * @param interactive whether standard input and output are a terminal
 * @param colour whether to use ANSI colours
 * @param width the terminal's columns, from {@code COLUMNS}, else 80
 */
record Terminal(boolean interactive, boolean colour, int width) {

    static Terminal detect(Map<String, String> env, boolean noColorOption) {
        boolean interactive = isTerminal(System.console());
        String noColor = env.get("NO_COLOR");
        boolean colour = interactive && !noColorOption && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        return new Terminal(interactive, colour, columns(env.get("COLUMNS")));
    }

    /**
     * Whether the console is a terminal. Up to Java 21 a console exists only when standard input and
     * output are a terminal; from Java 22 on one may exist without, and {@code Console.isTerminal()}
     * tells, which Java 17 does not have.
     */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static int columns(String text) {
        try {
            int columns = text == null ? 80 : Integer.parseInt(text.trim());
            return columns >= 20 ? columns : 80;
        } catch (NumberFormatException notNumber) {
            return 80;
        }
    }

    /** {@code text} in a colour when colours are on. */
    String paint(Colour colour, String text) {
        return this.colour ? colour.code + text + "\033[0m" : text;
    }

    /** The colours the command uses: for success, for problems, for what needs attention, and bold for a question. */
    enum Colour {
        GREEN("\033[32m"), RED("\033[31m"), YELLOW("\033[33m"), BOLD("\033[1m");

        private final String code;

        Colour(String code) {
            this.code = code;
        }
    }
}
