package dev.cairn.examples.secondbrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's secondbrain command: the API calls it makes and what they answer. */
class SecondBrainDemoTest {

    @Test
    void demo_dryRunsThenExecutesEverythingPending_watchingTheBackfill_andShowsTheHistory() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SecondBrainDemo.main(new String[] {"20000"});
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);

        assertTrue(text.contains("20,000 memories on PostgreSQL 14."), text);
        // Pending before the dry run, and still after it.
        assertEquals(2, text.split("\n  4   data  Add sentiment analysis to memories\n", -1).length - 1, text);
        Matcher dryRun = Pattern.compile("Location: /migrations/runs/(r-[0-9a-f]{4}-1)\n").matcher(text);
        assertTrue(dryRun.find(), text);
        String server = dryRun.group(1).substring(0, "r-0000".length());
        assertTrue(text.contains(dryRun.group(1) + " SUCCEEDED"), text);
        assertTrue(text.contains("plan: 4   Add sentiment analysis to memories (pending)"), text);
        assertTrue(text.contains("GET /migrations/progress/4: ") && text.contains(" of 20,000 rows ("), text);
        assertTrue(text.contains(server + "-2 SUCCEEDED"), text);
        assertTrue(text.contains("APPLY    4   Add sentiment analysis to memories"), text);
        Matcher types = Pattern.compile("  (episodic|procedural|semantic) +([0-9,]+) memories, mean sentiment").matcher(text);
        int typed = 0;
        while (types.find()) {
            typed += Integer.parseInt(types.group(2).replace(",", ""));
        }
        assertEquals(20_000, typed, text);
        assertTrue(text.contains("(note 1)  procedural  {") && text.contains("\"analyzer\": \"secondbrain-lexicon-1\""), text);
    }
}
