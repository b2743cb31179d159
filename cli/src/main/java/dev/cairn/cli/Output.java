package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Map;

/**
 * Where a verb writes: its result to standard output (text, or one JSON document with
 * {@code --json}), progress, questions and errors to standard error, so that
 * {@code cairn migrate --sql > plan.sql} and {@code cairn status --json | jq} get only the result.
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;
    private final boolean json;

    Output(PrintStream out, PrintStream err, Terminal terminal, boolean json) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.json = json;
    }

    Terminal terminal() {
        return terminal;
    }

    PrintStream err() {
        return err;
    }

    /** A result in text, printed unless the output is JSON. */
    void text(String text) {
        if (!json) {
            out.println(text);
        }
    }

    /** A result that reports success: its first line in green on a colour terminal. */
    void success(String text) {
        if (!json) {
            int end = text.indexOf('\n');
            out.println(end < 0 ? terminal.paint(Terminal.Colour.GREEN, text)
                    : terminal.paint(Terminal.Colour.GREEN, text.substring(0, end)) + text.substring(end));
        }
    }

    /** The JSON document of a verb, when the output is JSON. */
    void json(Map<String, Object> document) {
        if (json) {
            out.println(toJson(document));
        }
    }

    /** A result as it is, such as a script or a picture, printed unless the output is JSON. */
    void raw(String text) {
        if (!json) {
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
    }

    /** An error: a JSON document on standard output with --json (a script reads one place), else a line on standard error. */
    void error(String command, String code, int exitCode, String message) {
        if (json) {
            out.println(toJson(Json.error(command, code, exitCode, message)));
        } else {
            err.println(terminal.paint(Terminal.Colour.RED, "error: ") + message);
        }
    }

    static String toJson(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON output: " + e.getMessage(), e);
        }
    }
}
