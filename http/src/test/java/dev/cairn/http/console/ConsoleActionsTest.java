package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.http.testing.TestServer;
import dev.cairn.http.testing.TestServer.Reply;
import dev.cairn.test.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Execute and roll back from the console: each shows its plan with the reasons and asks first;
 * cancel sends nothing, confirm acts and follows the run, a refusal shows the server's message.
 * The database is checked through the API and through JDBC, not through the page.
 */
@ExtendWith(ChromiumExtension.class)
class ConsoleActionsTest {

    private static final List<String> EXECUTE_4 = List.of("1: prerequisite of 2", "2: prerequisite of 4", "4: requested");

    @Test
    void execute_showsThePlanWithReasons_andCancelChangesNothing(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("4");
            page.openConfirmation("#action-execute");
            assertEquals(EXECUTE_4, page.confirmationPlan());
            assertEquals("Execute 3 migrations", browser.text("#confirm-ok"));
            page.screenshot("confirmation", null);
            page.screenshot("confirmation-dialog", "#confirm");

            page.click("#confirm-cancel");
            browser.waitUntil("the dialog closed", () -> !page.confirmationOpen());
            assertUntouched(server);
            page.awaitState("4", "PENDING");
            page.assertNoConsoleErrors(401);
        }
    }

    @Test
    void execute_confirmed_appliesThePlan_andFollowsTheRunToItsEnd(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("4");
            page.openConfirmation("#action-execute");
            List<String> shown = page.confirmationPlan();
            assertEquals(EXECUTE_4, shown);
            page.click("#confirm-ok");

            browser.waitUntil("the dialog closed", () -> !page.confirmationOpen());
            String runId = browser.attribute("#activity .run", "data-run-id");
            browser.find("#activity .run[data-status='SUCCEEDED']");
            for (String version : List.of("1", "2", "4")) {
                page.awaitState(version, "APPLIED");
                String item = "#activity .plan-item[data-version='" + version + "']";
                assertEquals("done", browser.attribute(item, "data-status"));
            }
            assertEquals("OUT_OF_ORDER", page.state("3"), "3 is older than the newest applied migration now");
            assertTrue(browser.text(ConsolePage.node("3")).contains("Out of order"), browser.text(ConsolePage.node("3")));
            JsonNode run = server.get("/migrations/runs/" + runId, TestServer.READ_TOKEN).json();
            assertEquals(shown, planOf(run), "the plan the dialog showed is the one the server ran");
            assertEquals(List.of("1", "2", "4"), applied(server));
            page.assertNoConsoleErrors(401);
        }
    }

    @Test
    void executeAll_showsEveryPendingMigration_andAppliesThemAll_inTheBatchSizeGiven(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            server.seedItems(500); // applies 1
            server.migrator().apply("3");
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.openConfirmation("#execute-all");
            assertEquals(List.of("2: pending", "4: pending", "5: pending", "6: pending"), page.confirmationPlan());
            browser.find("#confirm-batch").type("0");
            page.click("#confirm-ok");
            assertTrue(browser.script("return document.getElementById('confirm-batch').validationMessage").asText()
                    .contains("1"), "the browser refuses a batch size of 0, naming the least it takes");
            assertTrue(page.confirmationOpen(), "nothing was sent: the dialog waits for a good value");
            assertNoRun(server);

            browser.script("document.getElementById('confirm-batch').value = ''");
            browser.find("#confirm-batch").type("250");
            page.click("#confirm-ok");
            browser.find("#activity .run[data-status='SUCCEEDED']");
            page.awaitState("6", "APPLIED");
            assertTrue(browser.text("#activity .plan-item[data-version='4']").contains("500 rows in 2 batches"),
                    browser.text("#activity .plan-item[data-version='4']"));
            browser.waitUntil("the header saying so", () -> browser.text("#counts").contains("Up to date"));
            assertEquals("6", browser.text("#count-applied"));
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), applied(server));
            assertEquals("true", browser.attribute("#execute-all", "disabled"), "nothing left to execute");
            page.assertNoConsoleErrors(401);
        }
    }

    @Test
    void execute_asDryRun_changesNothing(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("2");
            page.openConfirmation("#action-execute");
            browser.find("#confirm-dry-run").click();
            assertEquals("Dry-run 2 migrations", browser.text("#confirm-ok"));
            page.click("#confirm-ok");

            browser.find("#activity .run[data-status='SUCCEEDED']");
            assertTrue(browser.text("#activity .run h3").contains("dry run"), browser.text("#activity .run h3"));
            assertFalse(browser.text("#activity .summary").isBlank(), "the dry run says what it would do");
            assertEquals(List.of(), applied(server));
            assertFalse(server.database().tables().contains("items"), "a dry run creates no table");
            page.assertNoConsoleErrors(401);
        }
    }

    @Test
    void rollback_confirmed_undoesTheMigrationAndItsDependents(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            server.migrator().apply("4"); // 1, 2 and 4, not 3
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("2");
            page.openConfirmation("#action-rollback");
            assertEquals(List.of("4: depends on 2", "2: requested"), page.confirmationPlan());
            assertFalse(browser.find("#confirm-warning").displayed(), "nothing irreversible in this plan");
            page.click("#confirm-ok");

            browser.find("#activity .run[data-status='SUCCEEDED']");
            page.awaitState("2", "PENDING");
            page.awaitState("4", "PENDING");
            assertEquals("APPLIED", page.state("1"));
            assertEquals(List.of("1"), applied(server));
            page.assertNoConsoleErrors(401);
        }
    }

    @Test
    void rollback_acrossTheIrreversibleMigration_showsTheServersRefusal_andChangesNothing(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            server.migrator().migrate();
            List<JsonNode> historyBefore = history(server);
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("3");
            page.openConfirmation("#action-rollback");
            assertEquals(List.of("6: depends on 5", "5: depends on 3", "3: requested"), page.confirmationPlan());
            Reply planned = server.get("/migrations/plan/rollback/3", TestServer.READ_TOKEN);
            assertEquals("The server will refuse this rollback and change nothing: "
                    + planned.json().path("refused").path("message").asText(), browser.text("#confirm-warning"),
                    "the confirmation shows the server's refusal before anything is sent");
            page.click("#confirm-ok");

            String shown = browser.waitUntil("the refusal", () -> {
                Element error = browser.find("#confirm-error");
                return error.displayed() ? error.text() : null;
            });
            page.screenshot("rollback-refused", "#confirm");
            Reply refusal = server.post("/migrations/rollback/3", TestServer.WRITE_TOKEN, "{}");
            assertEquals(409, refusal.status());
            assertEquals("IRREVERSIBLE: " + refusal.errorMessage(), shown, "the page shows the server's own refusal");
            assertTrue(page.confirmationOpen(), "the dialog stays open with the refusal");

            page.click("#confirm-cancel");
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), applied(server));
            assertEquals(historyBefore, history(server), "nothing was logged: nothing ran");
            assertNoRun(server);
            page.assertNoConsoleErrors(401, 409);
        }
    }

    @Test
    void readToken_cannotExecute_thePageSaysWhy_andTheWriteTokenThenWorks(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.READ_TOKEN);
            page.select("1");
            page.openConfirmation("#action-execute");
            page.click("#confirm-ok");
            String shown = browser.waitUntil("the refusal", () -> {
                Element error = browser.find("#confirm-error");
                return error.displayed() ? error.text() : null;
            });
            assertTrue(shown.startsWith("FORBIDDEN: This token may only read"), shown);
            assertUntouched(server);

            browser.find("#confirm-error button").click(); // "Sign in with the write token"
            page.signIn(TestServer.WRITE_TOKEN);
            page.select("1");
            page.openConfirmation("#action-execute");
            page.click("#confirm-ok");
            page.awaitState("1", "APPLIED");
            assertEquals(List.of("1"), applied(server));
            page.assertNoConsoleErrors(401, 403);
        }
    }

    @Test
    void validate_showsTheConditionsChecked_andAFailedOneWithWhatWasFound_changingNothing(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            server.migrator().apply("2");
            // Validating runs the migration's conditions: a write endpoint, for the write token.
            ConsolePage page = ConsolePage.signIn(browser, server, TestServer.WRITE_TOKEN);
            page.select("4");
            page.click("#action-validate");
            Element result = browser.find("#details-body .validation");
            assertEquals("true", result.attribute("data-valid"));
            JsonNode check = server.post("/migrations/validate/4", TestServer.WRITE_TOKEN, "{}").json()
                    .path("conditions").path("preconditions").get(0);
            assertTrue(result.text().contains("passed " + check.path("name").asText()), result.text());

            server.database().execute("ALTER TABLE items DROP COLUMN category"); // what 4 needs is gone
            List<JsonNode> historyBefore = history(server);
            page.click("#action-validate");
            Element failed = browser.find("#details-body .validation[data-valid='false']");
            assertTrue(failed.text().contains("4 needs attention."), failed.text());
            assertTrue(failed.text().contains("FAILED " + check.path("name").asText()), failed.text());
            assertEquals(List.of("1", "2"), applied(server));
            assertEquals(historyBefore, history(server), "validating changes nothing");
            page.assertNoConsoleErrors(401);
        }
    }

    /** No migration applied, no run, nothing logged, no table of the migrations created. */
    private static void assertUntouched(TestServer server) {
        assertEquals(List.of(), applied(server));
        assertNoRun(server);
        assertEquals(List.of(), history(server));
        assertFalse(server.database().tables().contains("items"), "no migration ran");
    }

    private static void assertNoRun(TestServer server) {
        assertTrue(server.get("/migrations/runs", TestServer.READ_TOKEN).json().path("runs").isEmpty(), "no run started");
    }

    private static List<String> applied(TestServer server) {
        List<String> versions = new ArrayList<>();
        for (JsonNode migration : server.get("/migrations/status", TestServer.READ_TOKEN).json().path("migrations")) {
            if ("APPLIED".equals(migration.path("state").asText())) {
                versions.add(migration.path("version").asText());
            }
        }
        return versions;
    }

    private static List<JsonNode> history(TestServer server) {
        List<JsonNode> entries = new ArrayList<>();
        server.get("/migrations/history", TestServer.READ_TOKEN).json().path("entries").forEach(entries::add);
        return entries;
    }

    private static List<String> planOf(JsonNode run) {
        List<String> plan = new ArrayList<>();
        run.path("plan").forEach(item -> plan.add(item.path("version").asText() + ": " + item.path("reason").asText()));
        return plan;
    }
}
