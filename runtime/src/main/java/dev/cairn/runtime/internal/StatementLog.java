package dev.cairn.runtime.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * What a migration's context keeps of the statements it ran: how many, and the last
 * {@value #KEPT} of them for its report and failure messages, with large values summarized, so
 * that a data migration of a million statements runs in the memory of fifty. A dry run keeps
 * every statement, with its text values whole: its script needs them all.
 *
 * <p>Statements are kept as their SQL and values and written out only when shown, which most
 * never are.
 */
final class StatementLog {

    /** How many statements are kept outside a dry run. */
    static final int KEPT = 50;

    private final boolean keepAll;
    private final Deque<Entry> kept = new ArrayDeque<>();
    private long count;

    /** @param keepAll whether to keep every statement with its values whole, as a dry run's script needs */
    StatementLog(boolean keepAll) {
        this.keepAll = keepAll;
    }

    private record Entry(String sql, Object[] params) {
        String text() {
            return StatementText.of(sql, params);
        }
    }

    /** Records a statement about to run. */
    void add(String sql, Object[] params) {
        count++;
        kept.addLast(new Entry(sql, params.length == 0 ? params : StatementText.kept(params, keepAll)));
        if (!keepAll && kept.size() > KEPT) {
            kept.removeFirst();
        }
    }

    /** How many statements ran, including those no longer kept. */
    long count() {
        return count;
    }

    /** The kept statements as they are shown, in order. */
    List<String> statements() {
        List<String> texts = new ArrayList<>(kept.size());
        kept.forEach(entry -> texts.add(entry.text()));
        return List.copyOf(texts);
    }

    /** The last statement recorded as it is shown; only after one was. */
    String last() {
        return kept.getLast().text();
    }

    /**
     * The statements for a message, each cut short if long, after a line that counts the ones no
     * longer kept: {@code … 71 earlier statements}.
     *
     * @param withoutLast whether to leave out the last one, which failed and is shown on its own
     */
    List<String> forMessage(boolean withoutLast) {
        List<String> texts = new ArrayList<>();
        int left = withoutLast && !kept.isEmpty() ? 1 : 0;
        long shown = kept.size() - left;
        long earlier = count - left - shown;
        if (earlier > 0) {
            texts.add(String.format(Locale.ROOT, "… %,d earlier statement%s", earlier, earlier == 1 ? "" : "s"));
        }
        kept.stream().limit(shown).forEach(entry -> texts.add(StatementText.shown(entry.text())));
        return texts;
    }
}
