package dev.cairn.cli;

import dev.cairn.runtime.MigrationDescriptor;
import java.util.List;

/** What a verb that changes the database is about to do, shown before it asks and acts. */
final class Preview {

    private Preview() {
    }

    /**
     * Prints {@code heading} and the migrations, one a line, on standard error: the result on
     * standard output stays the runtime's report.
     */
    static void show(Output output, String heading, List<MigrationDescriptor> migrations) {
        StringBuilder text = new StringBuilder(heading);
        for (MigrationDescriptor m : migrations) {
            text.append("\n  ").append(m.displayName());
        }
        output.err().println(text);
    }

    /** "1 migration", "3 migrations". */
    static String count(int n) {
        return n + (n == 1 ? " migration" : " migrations");
    }
}
