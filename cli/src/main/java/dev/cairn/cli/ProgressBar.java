package dev.cairn.cli;

import dev.cairn.runtime.Command;
import dev.cairn.runtime.CommandEvent;
import dev.cairn.runtime.ExecutedMigration;
import dev.cairn.runtime.MigrationEvent;
import dev.cairn.runtime.MigrationException;
import dev.cairn.runtime.MigrationListener;
import dev.cairn.runtime.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a command's progress on standard error, as a listener of the migrator: on a terminal one
 * live line (migrations done of total, the one running, and for long work its rows, rate and time
 * left) above which each finished migration stays; elsewhere one plain line per migration, and a
 * line of progress at most every few seconds, which a CI log keeps readably. Synchronized: a data
 * migration's workers report progress from their own threads.
 */
final class ProgressBar implements MigrationListener {

    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_PROGRESS_NANOS = 2_000_000_000L;

    private final PrintStream err;
    private final Terminal terminal;
    private int total;
    private int done;
    private String current = "";
    private Progress progress;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintStream err, Terminal terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** The number of migrations the coming command will run, for "3/7". */
    synchronized void expect(int migrations) {
        total = migrations;
        done = 0;
    }

    @Override
    public synchronized void beforeMigration(MigrationEvent event) {
        current = event.migration().version() + " " + event.migration().description();
        progress = null;
        if (terminal.interactive()) {
            draw();
        } else {
            err.println(verb(event.command()) + " " + event.migration().displayName());
        }
    }

    @Override
    public synchronized void afterMigration(MigrationEvent event, ExecutedMigration result) {
        done++;
        current = "";
        progress = null;
        String line = "  " + terminal.paint(Terminal.Colour.GREEN, "done") + " " + result.summary();
        if (terminal.interactive()) {
            clear();
            err.println(line);
            draw();
        } else {
            err.println(line);
        }
    }

    @Override
    public synchronized void onFailure(MigrationEvent event, MigrationException error) {
        clear();
        err.println("  " + terminal.paint(Terminal.Colour.RED, "failed") + " " + event.migration().displayName());
    }

    @Override
    public synchronized void onProgress(MigrationEvent event, Progress reported) {
        long now = System.nanoTime();
        // The first report and the last (all done) always show; those between at a rate the eye and a log can follow.
        boolean firstOrLast = progress == null || reported.total().isPresent() && reported.done() >= reported.total().getAsLong();
        progress = reported;
        if (terminal.interactive()) {
            if (firstOrLast || now - lastDrawn >= REDRAW_NANOS) {
                draw();
            }
        } else if (firstOrLast || now - lastDrawn >= PLAIN_PROGRESS_NANOS) {
            lastDrawn = now;
            err.println("    " + work(reported));
        }
    }

    @Override
    public synchronized void afterCommand(CommandEvent event) {
        clear();
    }

    /** The bar, the count, the migration running and its work, the migration's name cut short to keep the rest in the width. */
    private void draw() {
        lastDrawn = System.nanoTime();
        int filled = total == 0 ? 0 : Math.min(BAR, done * BAR / total);
        String bar = "[" + "=".repeat(filled) + (filled < BAR ? ">" : "") + " ".repeat(Math.max(0, BAR - filled - 1)) + "]";
        String count = " " + done + "/" + total + "  ";
        String work = progress == null ? "" : "  " + work(progress);
        int room = Math.max(10, terminal.width() - 1 - bar.length() - count.length() - work.length());
        String name = current.length() <= room ? current : current.substring(0, room - 3) + "...";
        err.print("\r" + terminal.paint(Terminal.Colour.GREEN, bar) + count + name + work + "\033[K");
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** {@code 1,500/5,000 rows  1,200 rows/s  ETA 3s} */
    static String work(Progress progress) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d", progress.done()));
        progress.total().ifPresent(total -> text.append(String.format(Locale.ROOT, "/%,d", total)));
        text.append(" rows  ").append(String.format(Locale.ROOT, "%,.0f rows/s", progress.rate()));
        progress.remaining().ifPresent(left -> text.append("  ETA ").append(compact(left)));
        return text.toString();
    }

    private static String compact(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? seconds + "s" : seconds < 3600 ? seconds / 60 + "m" + seconds % 60 + "s"
                : seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
    }

    private static String verb(Command command) {
        return switch (command) {
            case ROLLBACK -> "Rolling back";
            case DRY_RUN -> "Trying";
            default -> "Applying";
        };
    }
}
