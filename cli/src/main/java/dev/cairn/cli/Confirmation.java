package dev.cairn.cli;

import java.io.Console;

/**
 * Safe by default: a verb that changes the database says what it will do, then asks on a terminal.
 * Without a terminal it refuses unless {@code --yes} was given, so that a script never changes a
 * database because nobody was there to say no.
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Returns when the change may go ahead; throws {@link ExitCode#REFUSED} otherwise.
     *
     * @param verb the verb, for the messages: "migrate"
     */
    static void require(Output output, boolean yes, String verb) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (!Terminal.isTerminal(console) || !output.terminal().interactive()) {
            throw new CliException("NOT_CONFIRMED", ExitCode.REFUSED, verb + " changes the database and asks for a confirmation"
                    + " first, but there is no terminal to ask on. Nothing was changed. Pass --yes to run it without asking"
                    + " (in scripts and CI), after checking what it will do.");
        }
        output.err().print(output.terminal().paint(Terminal.Colour.BOLD, "Proceed? [y/N] "));
        output.err().flush();
        String answer = console.readLine();
        if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
            throw new CliException("NOT_CONFIRMED", ExitCode.REFUSED, "Not confirmed: nothing was changed.");
        }
    }
}
