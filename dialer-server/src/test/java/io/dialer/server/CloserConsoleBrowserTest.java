/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.dialer.sim.SimulatedCall;
import io.dialer.sim.ToneProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closer console in a real browser on a running campaign: the engine dials the simulated carrier's callers,
 * who qualify; the closer's screen pops (over SSE, before the phone rings) with the caller and the summary; Accept
 * bridges the call, checked where it matters: the closer's phone hears the tone only the caller plays; the wrap-up
 * ends with a note and a disposition; Reject on the next caller sends it to the next closer, whose phone is called
 * and hears the caller; a paused closer is offered nothing while another closer takes the next caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloserConsoleBrowserTest
{
    private static final long CALL_WAIT_MS = 30_000;

    private SimulatedFloor floor;
    private Browser browser;

    @BeforeAll
    void start(@TempDir final Path dir)
    {
        Browser.assumeAvailable();
        floor = SimulatedFloor.launch(dir, 120_000);
        floor.closerUser("dana", "Dana Whitfield", SimulatedFloor.closerPhone());
        floor.closerUser("sam", "Sam Ortiz", SimulatedFloor.acceptingCloserPhone(1_500));
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

    private SimulatedCall nextCall(final String user) throws InterruptedException
    {
        final SimulatedCall call = floor.carrier().awaitCall(user, CALL_WAIT_MS);
        assertNotNull(call, "no call to " + user + " in " + CALL_WAIT_MS + " ms");
        return call;
    }

    private void awaitState(final String text)
    {
        browser.await(ExpectedConditions.textToBe(By.id("closer-state"), text));
    }

    private long callsTo(final String user)
    {
        return floor.carrier().calls().stream().filter((c) -> user.equals(c.user())).count();
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void shouldPopAcceptBridgeWrapUpRejectToTheNextCloserAndGetNothingWhilePaused() throws Exception
    {
        final Client manager = floor.manager();
        final String[] files = floor.upload(manager, "+12145550601,Ana,Lopez", "+12145550602,Ben,Short",
            "+12145550603,Cy,Young");
        final Response made = manager.post("/api/campaigns", Map.of("name", "closers", "leadList", files[0],
            "script", files[1], "settings", floor.settings()));
        assertEquals(201, made.status, made.text());
        final String campaign = made.json().get("id").asText();
        assertEquals(202, manager.post("/api/campaigns/" + campaign + "/start", Map.of()).status);

        // dana signs in and makes herself available: the first caller is dialed, qualifies and pops on her screen
        browser.desktop().signIn("dana", TestServer.PASSWORD, "/closer.html");
        awaitState("Logged out");
        browser.visible(By.id("go-available")).click();
        browser.text(By.id("pop-summary"), "Ana Lopez drives and wants a quote");
        assertEquals("Ana Lopez", browser.find(By.id("pop-caller")).getText());
        assertEquals("+12145550601", browser.find(By.id("pop-phone")).getText());
        browser.text(By.id("pop-fields"), "Lopez");
        browser.text(By.id("pop-answers"), "yes");

        // her phone rings and she is briefed: the caller's own audio has not reached her phone
        final ToneProbe danaHears = SimulatedFloor.listen(nextCall("closer-dana"), CALL_WAIT_MS);
        awaitState("Briefing");
        browser.screenshot("closer-screen-pop");
        browser.phone();
        assertEquals(0, browser.overflowX(), "no sideways scrolling on a phone");
        browser.screenshot("closer-screen-pop-phone");
        browser.desktop();
        assertEquals(0, danaHears.toneMs(), "the caller is not bridged before Accept");

        // Accept: the call is bridged, the closer's phone hears the caller
        browser.find(By.id("accept")).click();
        assertTrue(danaHears.awaitToneMs(1_000, 15_000), "dana's phone hears the caller after Accept: " +
            danaHears.toneMs() + " ms of the caller's tone in " + danaHears.frames() + " frames");
        awaitState("On a call");
        browser.text(By.id("pop-heading"), "On the call with");

        // the call ends: wrap-up with a note and a disposition, then available again
        upCall("closer-dana").leg().hangup();
        awaitState("Wrap-up");
        browser.visible(By.id("wrap-up-note")).sendKeys("wants the premium plan, call back Friday");
        new Select(browser.find(By.id("wrap-up-disposition"))).selectByValue("sale");
        browser.find(By.id("wrap-up-done")).click();
        browser.text(By.id("today"), "Sale 1");
        browser.text(By.cssSelector("#today [data-count=accepted]"), "1");

        // the next caller pops for dana; sam logs in; dana rejects: sam's phone is called and hears the caller
        browser.text(By.id("pop-summary"), "Ben Short drives and wants a quote");
        final Response samIn = manager.post("/api/closers/sam/login", Map.of());
        assertEquals(200, samIn.status, samIn.text());
        nextCall("closer-dana");
        awaitState("Briefing");
        browser.find(By.id("reject")).click();
        final ToneProbe samHears = SimulatedFloor.listen(nextCall("closer-sam"), CALL_WAIT_MS);
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("pop")));
        assertEquals("+12145550602", FloorApiTest.await("sam offered Ben", () -> manager.get(
            "/api/closers/sam/offer"), (r) -> 200 == r.status).get("phone").asText());
        assertTrue(samHears.awaitToneMs(1_000, 15_000), "sam's phone hears the rejected caller after key 1");

        // dana pauses: the third caller waits for sam (who wraps up) and never reaches dana
        new Select(browser.visible(By.id("pause-reason"))).selectByValue("lunch");
        browser.find(By.id("go-pause")).click();
        awaitState("Paused");
        browser.text(By.id("closer-reason"), "lunch");
        FloorApiTest.await("sam in wrap-up", () -> manager.get("/api/closers/sam"),
            (r) -> "WRAP_UP".equals(r.json().get("state").asText()));
        assertEquals(200, manager.post("/api/closers/sam/wrap-up", Map.of("disposition", "no-sale")).status);
        final SimulatedCall samAgain = nextCall("closer-sam");
        assertEquals("+12145550603", FloorApiTest.await("sam offered Cy", () -> manager.get(
            "/api/closers/sam/offer"), (r) -> 200 == r.status).get("phone").asText());
        assertNotNull(samAgain);
        assertEquals(2, callsTo("closer-dana"), "nothing for dana while she is paused");
        assertTrue(browser.find(By.id("pop")).getAttribute("hidden") != null, "no screen pop while paused");
        awaitState("Paused");
        final JsonNode today = manager.get("/api/closers/dana/today").json();
        assertEquals(2, today.get("offered").asInt(), today.toString());
        assertEquals(1, today.get("rejected").asInt(), today.toString());
        assertEquals(List.of(), browser.securityPolicyViolations());
    }

    private SimulatedCall upCall(final String user)
    {
        SimulatedCall up = null;
        for (final SimulatedCall call : floor.carrier().calls())
        {
            up = user.equals(call.user()) && null == call.endCause() ? call : up;
        }
        assertNotNull(up, user + "'s call is up");
        return up;
    }
}
