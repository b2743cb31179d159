package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.testing.TestServer;
import dev.cairn.test.DatabaseKind;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A running backfill watched in the browser: rows done go up, with the total, rate, time left and a bar. */
@ExtendWith(ChromiumExtension.class)
class ConsoleProgressTest {

    /** 60 batches of 100 rows with 100 ms between them: six seconds or more to watch. */
    private static final int ROWS = 6000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(DatabaseKind.class)
    void runningBackfill_showsRowsDoneGoingUp_withTotalRateAndTimeLeft(DatabaseKind kind, Browser browser) {
        try (TestServer server = TestServer.start(kind)) {
            server.seedItems(ROWS);
            server.migrator().migrate("2");
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("4");
            page.openConfirmation("#action-execute");
            assertEquals(List.of("4: requested"), page.confirmationPlan());
            page.click("#confirm-ok");

            long first = rowsDone(browser);
            Browser.sleep(1200);
            long second = rowsDone(browser);
            assertTrue(second > first, "rows done went up between two reads a second apart: " + first + ", then " + second);
            assertTrue(second < ROWS, "the backfill was still under way: " + second);
            assertEquals(String.valueOf(ROWS), browser.attribute("#activity .rows-total", "data-total"));
            assertTrue(browser.text("#activity .eta").matches("about .+ left|less than a second left"),
                    browser.text("#activity .eta"));
            assertTrue(browser.text("#activity .rate").matches("[1-9][0-9,]* rows/s"), browser.text("#activity .rate"));
            assertTrue(Double.parseDouble(browser.attribute("#activity [role=progressbar]", "aria-valuenow")) > 0);
            assertTrue(browser.text(ConsolePage.node("4")).contains("Running now"), browser.text(ConsolePage.node("4")));
            page.screenshot("progress-" + kind.fileName(), null);
            page.screenshot("progress-panel-" + kind.fileName(), "#activity");

            browser.find("#activity .run[data-status='SUCCEEDED']");
            page.awaitState("4", "APPLIED");
            assertTrue(browser.text("#activity .plan-item[data-version='4']").contains("6,000 rows in 60 batches"),
                    browser.text("#activity .plan-item[data-version='4']"));
            assertEquals(List.of("0"), server.database().rows("SELECT COUNT(*) FROM items WHERE category IS NULL"));
            page.assertNoConsoleErrors(401);
        }
    }

    private static long rowsDone(Browser browser) {
        return Long.parseLong(browser.attribute("#activity .plan-current .rows-done", "data-done"));
    }
}
