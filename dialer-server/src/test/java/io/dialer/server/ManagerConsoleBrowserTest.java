/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manager console in a real browser, on a server without the engine: signing in lands on the console of one's
 * role, an uploaded lead list's bad rows are each shown against their row with the line as uploaded, a script's
 * errors against their line:col, and the pages fit a phone without sideways scrolling. One server and one browser
 * for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManagerConsoleBrowserTest
{
    private static final String LEADS = String.join("\n",
        "phone,first_name,last_name,state",
        "+12145550101,Ana,Lopez,TX",
        "512-555-01,Ben,Short,TX",
        ",Cy,Empty,TX",
        "+12145550104,Di,Extra,TX,oops",
        "+12145550101,Ana,Again,TX",
        "+12145550106,Ed,Fine,TX",
        "");
    private static final String BAD_SCRIPT = String.join("\n",
        "greeting: { prompt: Hi., next: q1 }",
        "questions:",
        "  q1: { prompt: Press one., choices: { '1': yes }, next: q3 }",
        "outcomes:",
        "  win: { type: qualified, skill: sales, prompt: Hold please. }",
        "");

    private Path dir;
    private TestServer test;
    private Browser browser;

    @BeforeAll
    void start(@TempDir final Path dir)
    {
        Browser.assumeAvailable();
        this.dir = dir;
        test = TestServer.start(dir.resolve("data"));
        test.server.users().create("mia", Role.MANAGER, null, TestServer.PASSWORD);
        test.server.users().create("dana", Role.CLOSER, "dana", TestServer.PASSWORD);
        browser = Browser.open(test.origin());
    }

    @AfterAll
    void stop()
    {
        if (null != browser)
        {
            browser.close();
        }
        if (null != test)
        {
            test.close();
        }
    }

    @Test
    void shouldSignInToTheConsoleOfTheRole()
    {
        browser.desktop().signOut().go("/manager.html");
        browser.await(ExpectedConditions.urlToBe(test.origin() + "/"));

        browser.signIn("dana", TestServer.PASSWORD, "/closer.html");
        browser.text(By.id("who"), "dana");
        browser.find(By.id("sign-out")).click();
        browser.await(ExpectedConditions.urlToBe(test.origin() + "/"));

        browser.signIn("mia", TestServer.PASSWORD, "/manager.html");
        browser.text(By.id("who"), "mia (manager)");
        assertTrue(browser.all(By.cssSelector("#nav a[data-section=users]")).get(0).getAttribute("hidden") != null,
            "users are for admins");
        browser.go("/closer.html");
        browser.await(ExpectedConditions.urlContains("/manager.html"));

        browser.go("/");
        browser.await(ExpectedConditions.urlContains("/manager.html"));
        assertEquals(List.of(), browser.securityPolicyViolations());
    }

    @Test
    void shouldShowEachBadRowOfAnUploadedLeadListAgainstItsRow() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("spring-leads.csv"), LEADS, StandardCharsets.UTF_8);
        browser.desktop().signIn("mia", TestServer.PASSWORD, "/manager.html");
        browser.go("/manager.html#/files");

        browser.visible(By.id("lead-lists-file")).sendKeys(csv.toString());
        browser.find(By.id("lead-lists-upload")).click();

        final WebElement result = browser.visible(By.cssSelector("#lead-lists-result table.problems"));
        final List<WebElement> rows = result.findElements(By.cssSelector("tbody tr"));
        final StringBuilder shown = new StringBuilder();
        for (final WebElement row : rows)
        {
            shown.append(row.getText().replace('\n', ' ')).append('\n');
        }
        assertTrue(shown.toString().contains("row 3") && shown.toString().contains("512-555-01"), shown.toString());
        assertTrue(shown.toString().contains("row 4"), shown.toString());
        assertTrue(shown.toString().contains("row 5") && shown.toString().contains("oops"), shown.toString());
        assertTrue(shown.toString().contains("row 6"), shown.toString());
        assertEquals("error", rows.get(0).getAttribute("class"), shown.toString());
        browser.text(By.cssSelector("#lead-lists-list table.files"), "spring-leads.csv");
        browser.screenshot("manager-upload-errors");
        browser.phone();
        assertEquals(0, browser.overflowX(), "no sideways scrolling on a phone");
        browser.screenshot("manager-upload-errors-phone");
        browser.desktop();
        assertEquals(List.of(), browser.securityPolicyViolations());
    }

    @Test
    void shouldShowAScriptsErrorsAtTheirLineAndColumn() throws IOException
    {
        final Path yaml = Files.writeString(dir.resolve("bad-script.yaml"), BAD_SCRIPT, StandardCharsets.UTF_8);
        browser.desktop().signIn("mia", TestServer.PASSWORD, "/manager.html");
        browser.go("/manager.html#/files");

        browser.visible(By.id("scripts-file")).sendKeys(yaml.toString());
        browser.find(By.id("scripts-upload")).click();

        final WebElement problems = browser.visible(By.cssSelector("#scripts-result table.problems"));
        assertTrue(problems.getText().contains("line 3:"), problems.getText());
        assertTrue(problems.getText().contains("q3"), problems.getText());
        browser.text(By.cssSelector("#scripts .status.error"), "nothing was kept");
    }

    @Test
    void shouldFitEveryManagerPageOnAPhone()
    {
        browser.desktop().signIn(TestServer.ADMIN, TestServer.PASSWORD, "/manager.html");
        browser.phone();
        for (final String section : List.of("campaigns", "campaigns/new", "files", "closers", "dnc", "users"))
        {
            browser.go("/manager.html#/" + section);
            browser.visible(By.cssSelector("main h1"));
            assertEquals(0, browser.overflowX(), section + " scrolls sideways on a phone");
        }
        browser.desktop();
        assertEquals(List.of(), browser.securityPolicyViolations());
    }
}
