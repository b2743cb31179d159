package dev.cairn.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.http.testing.TestServer;
import dev.cairn.test.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The page asks for a token, says when one is refused, and keeps it for the tab only. */
@ExtendWith(ChromiumExtension.class)
class ConsoleSignInTest {

    @Test
    void page_asksForAToken_refusesAWrongOne_andKeepsAGoodOneForTheTab(Browser browser) {
        try (TestServer server = TestServer.start(DatabaseKind.SQLITE)) {
            ConsolePage page = ConsolePage.open(browser, server);
            assertTrue(browser.text("#sign-in[open] #sign-in-message").contains("needs a bearer token"),
                    browser.text("#sign-in-message"));
            assertTrue(browser.findNow("#graph svg").isEmpty(), "nothing is shown without a token");

            page.enterToken("not-the-token");
            browser.waitUntil("the refusal", () -> browser.text("#sign-in[open] #sign-in-message")
                    .contains("did not accept that token"));
            assertTrue(browser.findNow("#graph svg").isEmpty(), "nothing is shown with a wrong token");

            page.signIn(TestServer.READ_TOKEN);
            page.awaitState("1", "PENDING");
            assertTrue(browser.find("#sign-out").displayed(), "a token can be forgotten");

            browser.open(server.uri()); // a reload keeps the token: the tab's session storage holds it
            page.awaitState("1", "PENDING");
            assertTrue(browser.findNow("#sign-in[open]").isEmpty(), "no second question after a reload");
            assertEquals(TestServer.READ_TOKEN,
                    browser.script("return sessionStorage.getItem('cairn.console.token')").asText());

            browser.find("#sign-out").click();
            browser.find("#sign-in[open]");
            assertFalse(browser.script("return sessionStorage.length > 0").asBoolean(), "the token is forgotten");
            page.assertNoConsoleErrors(401);
        }
    }
}
