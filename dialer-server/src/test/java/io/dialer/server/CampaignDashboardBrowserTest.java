/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manager console on a running campaign, in a real browser: the manager creates a campaign from an uploaded
 * lead list and script with the form and starts it; the engine dials the simulated carrier and two closers'
 * phones accept; the live dashboard's counters move (dials, answers, qualified, bridged), the closers show by
 * state, the chart draws; pause, resume and stop work from the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignDashboardBrowserTest
{
    private SimulatedFloor floor;
    private Browser browser;

    @BeforeAll
    void start(@TempDir final Path dir)
    {
        Browser.assumeAvailable();
        floor = SimulatedFloor.launch(dir, 0);
        floor.closerUser("sam", "Sam Ortiz", SimulatedFloor.acceptingCloserPhone(1_000));
        floor.closerUser("lee", "Lee Park", SimulatedFloor.acceptingCloserPhone(1_000));
        browser = Browser.open(floor.server().origin());
    }

    @AfterAll
    void stop()
    {
        if (null != browser)
        {
            browser.close();
        }
        if (null != floor)
        {
            floor.close();
        }
    }

    private static int tile(final WebDriver driver, final String name)
    {
        final String value = driver.findElement(By.cssSelector("[data-tile=" + name + "] .value")).getText();
        return value.matches("[0-9,]+") ? Integer.parseInt(value.replace(",", "")) : -1;
    }

    private static int dialed(final WebDriver driver)
    {
        final String sub = driver.findElement(By.cssSelector("[data-tile=dialRate] .sub")).getText();
        return sub.matches("[0-9,]+ dialed") ? Integer.parseInt(sub.split(" ")[0].replace(",", "")) : -1;
    }

    private void type(final String id, final String value)
    {
        final WebElement input = browser.find(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCreateAndStartACampaignAndWatchItsCountersMove()
    {
        final Client manager = floor.manager();
        floor.upload(manager, "+12145550701,Ana,Lopez", "+12145550702,Ben,Short", "+12145550703,Cy,Young",
            "+12145550704,Di,Lane", "+12145550705,Ed,Stone", "+12145550706,Flo,Hart", "+12145550707,Gus,Reed",
            "+12145550708,Hal,Moss");
        assertEquals(200, manager.post("/api/closers/sam/login", Map.of()).status);
        assertEquals(200, manager.post("/api/closers/lee/login", Map.of()).status);

        // the form: the common settings, and the rest as JSON
        browser.desktop().signIn(SimulatedFloor.MANAGER, TestServer.PASSWORD, "/manager.html");
        browser.go("/manager.html#/campaigns/new");
        browser.text(By.id("campaign-leadList"), "leads.csv");
        browser.text(By.id("campaign-script"), "auto.yaml");
        type("campaign-name", "spring-promo");
        type("campaign-callerName", "Lone Star Auto");
        type("campaign-callerNumber", "(214) 555-0100");
        type("campaign-trunkUri", floor.trunkUri());
        browser.script("document.getElementById('campaign-windowStart').value = '00:00';" +
            "document.getElementById('campaign-windowEnd').value = '23:59';");
        type("campaign-maxAttempts", "1");
        browser.find(By.cssSelector("#campaign-form details summary")).click();
        type("campaign-advanced", "{\"transfer\": {\"reassurance_interval\": \"never\"}}");
        assertTrue(browser.find(By.id("campaign-start")).isSelected());
        browser.find(By.id("campaign-create")).click();

        // the dashboard: the campaign runs and its counters move
        browser.text(By.id("campaign-name"), "spring-promo");
        browser.await(ExpectedConditions.textToBe(By.id("campaign-state"), "Running"));
        browser.text(By.id("live-status"), "live");
        browser.await((d) -> dialed(d) >= 1);
        browser.await((d) -> tile(d, "qualified") >= 1);
        browser.await((d) -> tile(d, "bridged") >= 2 && dialed(d) >= 3);
        browser.text(By.cssSelector("[data-counts=Transfers]"), "Completed");
        browser.text(By.id("closers"), "Sam Ortiz");
        browser.text(By.id("latencies"), "p99");
        assertTrue(browser.find(By.cssSelector("#history-chart .u-legend")).isDisplayed(), "the chart draws");
        browser.await((d) -> !"–".equals(d.findElement(By.cssSelector("[data-tile=dialRate] .value")).getText()));
        browser.text(By.cssSelector("[data-tile=abandon] .value"), "0.0%");
        browser.text(By.cssSelector("[data-tile=abandon] .sub"), "budget");
        browser.screenshot("manager-dashboard");
        browser.phone();
        assertEquals(0, browser.overflowX(), "no sideways scrolling on a phone");
        browser.screenshot("manager-dashboard-phone");
        browser.desktop();

        // the controls
        browser.find(By.id("campaign-pause")).click();
        browser.await(ExpectedConditions.textToBe(By.id("campaign-state"), "Paused"));
        browser.visible(By.id("campaign-resume")).click();
        browser.await(ExpectedConditions.textToBe(By.id("campaign-state"), "Running"));
        browser.visible(By.id("campaign-stop")).click();
        browser.visible(By.id("stop-reason")).sendKeys("end of the test");
        browser.find(By.id("campaign-stop-confirm")).click();
        browser.await(ExpectedConditions.textToBe(By.id("campaign-state"), "Stopped"));
        browser.text(By.id("campaign-problem"), "end of the test");
        assertEquals(List.of(), browser.securityPolicyViolations());
    }
}
