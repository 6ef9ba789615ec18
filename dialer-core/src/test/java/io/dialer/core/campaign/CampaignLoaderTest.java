/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

import io.dialer.core.compliance.AbandonmentRule;
import io.dialer.core.compliance.Disposition;
import io.dialer.core.compliance.RetryPolicy;
import io.dialer.core.engine.CampaignSetup;
import io.dialer.qualification.ValidationError;
import io.dialer.transfer.TransferConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignLoaderTest
{
    private static final String PACING =
        "pacing: { mode: progressive, ratio: 1.5, max_lines: 5, max_dials_per_second: 40 }";
    private static final String VALID = String.join("\n",
        "name: test",                                           // 1
        "caller_id: { name: Acme, number: '214 555 0199' }",    // 2
        "trunk:",                                               // 3
        "  uri: sip:carrier@127.0.0.1:5060",                    // 4
        "  username: demo",                                     // 5
        "  password_env: TRUNK_PASSWORD",                       // 6
        "script: script.yaml",                                  // 7
        "closers: closers.yaml",                                // 8
        "leads: leads.csv",                                     // 9
        "pacing: { mode: progressive, ratio: 1.5, max_lines: 5, max_dials_per_second: 40 }", // 10
        "calling_window:",                                      // 11
        "  start: '08:00'",                                     // 12
        "  end: '21:00'",                                       // 13
        "  per_state:",                                         // 14
        "    FL: { start: '08:00', end: '20:00', max_calls_per_24h: 3 }", // 15
        "retries:",                                             // 16
        "  max_attempts: 3",                                    // 17
        "  max_attempts_per_day: 2",                            // 18
        "  delays: { busy: 30m, no_answer: 2h, machine: never, failed: 1h }", // 19
        "voicemail: { message: Call us back }",                 // 20
        "ring_timeout: 25s",                                    // 21
        "dnc: []",                                              // 22
        "");

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException
    {
        Files.copy(examples().resolve("auto-insurance.yaml"), dir.resolve("script.yaml"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.copy(examples().resolve("closers.yaml"), dir.resolve("closers.yaml"),
            StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("leads.csv"), "phone\n2145550123\n");
    }

    @Test
    void shouldLoadAValidCampaign()
    {
        final CampaignResult result = CampaignLoader.load("c.yaml", VALID, dir);

        assertEquals(List.of(), result.errors());
        final CampaignFile campaign = result.campaign();
        assertEquals("test", campaign.name());
        assertEquals("+12145550199", campaign.callerIdNumber());
        assertEquals("Acme", campaign.callerIdName());
        assertEquals("sip:carrier@127.0.0.1:5060", campaign.trunkUri());
        assertEquals("TRUNK_PASSWORD", campaign.passwordEnv());
        assertEquals("udp", campaign.transport());
        assertEquals(1.5, campaign.pacingRatio());
        assertEquals(5, campaign.maxLines());
        assertEquals(40, campaign.maxDialsPerSecond());
        assertEquals(8 * 60, campaign.windowStartMinute());
        assertEquals(20 * 60, campaign.stateWindows().get("FL").endMinute());
        assertEquals(3, campaign.stateWindows().get("FL").maxCallsPer24h());
        assertEquals(2, campaign.maxAttemptsPerDay());
        assertEquals(30 * 60_000L, campaign.retryDelayMs("busy"));
        assertEquals(-1, campaign.retryDelayMs("machine"));
        assertEquals("Call us back", campaign.voicemailText());
        assertEquals(25_000, campaign.ringTimeoutMs());
        assertEquals(3, campaign.closers().size());
        assertEquals("auto-insurance", campaign.script().name());
        assertEquals(dir.resolve("leads.csv"), campaign.leadsFile());
    }

    @Test
    void shouldTakeEveryDefaultFromItsOneDefinition()
    {
        final CampaignFile campaign = CampaignLoader.load("c.yaml", VALID, dir).campaign();
        final TransferConfiguration.Context transfer = campaign.transfer().conclude();
        final TransferConfiguration.Context defaults = new TransferConfiguration.Context().conclude();

        assertEquals(defaults.ringTimeoutMs(), transfer.ringTimeoutMs());
        assertEquals(defaults.maxAttempts(), transfer.maxAttempts());
        assertEquals(defaults.decisionTimeoutMs(), transfer.decisionTimeoutMs());
        assertEquals(defaults.holdLimitMs(), transfer.holdLimitMs());
        assertEquals(defaults.holdMusic(), transfer.holdMusic());
        assertEquals(defaults.reassuranceIntervalMs(), transfer.reassuranceIntervalMs());
        assertEquals(defaults.callerIdPassThrough(), transfer.callerIdPassThrough());
        assertFalse(transfer.introduction(), "the caller is connected at once");
        assertEquals(defaults.wrapUpMs(), transfer.wrapUpMs());
        assertFalse(campaign.mediaRelease(), "media: anchored");
        assertEquals(CampaignFile.MEDIA_LAG_HOLD_DEFAULT_MS, campaign.mediaLagHoldMs());
        assertEquals(10, campaign.maxConsecutiveTrunkFailures());
        assertEquals(5_000, campaign.trunkResponseTimeoutMs());
        assertEquals(10_000, campaign.verdictTimeoutMs());
        assertEquals(30_000, campaign.beepTimeoutMs());
        assertEquals(CampaignFile.ClosersLogin.AT_START, campaign.closersLogin());
        for (final Disposition disposition : new Disposition[]{Disposition.HUNG_UP, Disposition.ABANDONED})
        {
            assertFalse(campaign.retryDelaySet(disposition.configKey()));
            assertEquals(RetryPolicy.delayDefaultMs(disposition), campaign.retryDelayMs(disposition.configKey()));
        }
        assertEquals(-1, campaign.retryDelayMs("message_left"), "final by default");
        final RetryPolicy policy = campaign.retries().policy();
        assertEquals(30 * 60_000L, policy.delayMs(Disposition.BUSY));
        assertTrue(policy.isFinal(Disposition.MACHINE), "machine: never");
        assertEquals(2, policy.maxAttemptsPerDay());
        assertEquals(CampaignSetup.retries(campaign).toString(), policy.toString(), "the engine's mapping agrees");
    }

    @Test
    void shouldReadTheTransferAdmissionTrunkDetectionAndLoginSettings() throws IOException
    {
        Files.write(dir.resolve("hold.wav"), wav(1, 8_000));
        final CampaignFile campaign = CampaignLoader.load("c.yaml", VALID.replace("  username: demo",
            "  max_consecutive_failures: never\n  response_timeout: 2s\n  username: demo") +
            "transfer:\n" +
            "  closer_ring_timeout: 12s\n" +
            "  max_closer_attempts: 5\n" +
            "  decision_timeout: 8s\n" +
            "  hold_limit: 3m\n" +
            "  hold_music: hold.wav\n" +
            "  reassurance_interval: never\n" +
            "  caller_id_pass_through: false\n" +
            "  introduction: true\n" +
            "  wrap_up: 0s\n" +
            "admission: { media_lag_hold: off }\n" +
            "detection: { verdict_timeout: 4s, beep_timeout: 45s }\n" +
            "closers_login: manual\n", dir).campaign();

        final TransferConfiguration.Context transfer = campaign.transfer().conclude();
        assertEquals(12_000, transfer.ringTimeoutMs());
        assertEquals(5, transfer.maxAttempts());
        assertEquals(8_000, transfer.decisionTimeoutMs());
        assertEquals(180_000, transfer.holdLimitMs());
        assertEquals(dir.resolve("hold.wav").toString(), transfer.holdMusic());
        assertEquals(0, transfer.reassuranceIntervalMs());
        assertFalse(transfer.callerIdPassThrough());
        assertTrue(transfer.introduction());
        assertEquals(0, transfer.wrapUpMs());
        assertEquals(CampaignFile.MEDIA_LAG_HOLD_OFF, campaign.mediaLagHoldMs());
        assertEquals(CampaignFile.TRUNK_FAILURES_NEVER, campaign.maxConsecutiveTrunkFailures());
        assertEquals(2_000, campaign.trunkResponseTimeoutMs());
        assertEquals(4_000, campaign.verdictTimeoutMs());
        assertEquals(45_000, campaign.beepTimeoutMs());
        assertEquals(CampaignFile.ClosersLogin.MANUAL, campaign.closersLogin());
    }

    @Test
    void shouldReportBadSettingsOfTheNewSectionsWithLineAndColumn() throws IOException
    {
        Files.write(dir.resolve("stereo.wav"), wav(2, 8_000));
        final List<String> errors = errors(VALID.replace("  username: demo",
            "  max_consecutive_failures: 0\n  username: demo") +
            "transfer:\n" +                                     // 24
            "  max_closer_attempts: 11\n" +                     // 25
            "  closer_ring_timeout: soon\n" +                   // 26
            "  hold_music: stereo.wav\n" +                      // 27
            "  introduction: maybe\n" +                         // 28
            "  reassurance_interval: 0s\n" +                    // 29
            "  wrap_upp: 0s\n" +                                // 30
            "admission: { media_lag_hold: 2m }\n" +             // 31
            "detection: { verdict_timeout: 0s }\n" +            // 32
            "closers_login: later\n");                          // 33

        assertEquals(List.of(
            "c.yaml:5:29: max_consecutive_failures must be a whole number from 1 to 1000000, or never, found '0'",
            "c.yaml:30:3: unknown key 'wrap_upp' in transfer; did you mean 'wrap_up'?",
            "c.yaml:26:24: closer_ring_timeout must be a duration like 25s, 30m, 2h or 1d, found 'soon'",
            "c.yaml:25:24: max_closer_attempts must be a whole number from 1 to 10, found '11'",
            "c.yaml:27:15: hold_music must be an 8 kHz mono WAV file (or builtin): stereo.wav: 2 channels, need " +
            "mono",
            "c.yaml:29:25: reassurance_interval (a duration, or never) must be from 1s to 10m, found '0s'",
            "c.yaml:28:17: introduction must be true or false, found 'maybe'",
            "c.yaml:31:30: media_lag_hold (a duration, or off) must be from 0s to 1m, found '2m'",
            "c.yaml:32:31: verdict_timeout must be from 1s to 1m, found '0s'",
            "c.yaml:33:16: closers_login must be at_start (every closer of the closers file logs in when the " +
            "campaign starts) or manual (closers log in through the control API), found 'later'"), errors);
    }

    @Test
    void shouldReadTheTransferMediaSetting()
    {
        assertTrue(CampaignLoader.load("c.yaml", VALID + "transfer: { media: release }\n", dir).campaign()
            .mediaRelease());
        assertFalse(CampaignLoader.load("c.yaml", VALID + "transfer: { media: anchored }\n", dir).campaign()
            .mediaRelease());
    }

    @Test
    void shouldReportABadTransferMediaSettingWithLineAndColumn()
    {
        assertEquals(List.of("c.yaml:23:20: transfer media must be anchored (the dialer bridges caller and closer " +
            "to the end) or release (once the closer accepts, both are re-INVITEd to send RTP to each other), found " +
            "'direct'"), errors(VALID + "transfer: { media: direct }\n"));
        assertEquals(List.of("c.yaml:25:10: transfer media: release needs introduction: off (the introduction is " +
            "mixed by the dialer's media, which the release closes); set one of them the other way"),
            errors(VALID + "transfer:\n  introduction: on\n  media: release\n"));
    }

    /**
     * A WAV file of 100 ms of silence, 16-bit PCM.
     */
    private static byte[] wav(final int channels, final int rate)
    {
        final int dataBytes = rate / 10 * 2 * channels;
        final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(44 + dataBytes)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
            .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short)1)
            .putShort((short)channels).putInt(rate).putInt(rate * 2 * channels).putShort((short)(2 * channels))
            .putShort((short)16).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return buffer.array();
    }

    @Test
    void shouldLoadTheDemoCampaign()
    {
        final CampaignResult result = CampaignLoader.load(examples().resolve("demo-campaign.yaml"));

        assertEquals(List.of(), result.errors());
        assertEquals("+12145550199", result.campaign().callerIdNumber());
        assertTrue(CampaignLoader.looksLikeCampaign(VALID));
        assertTrue(ClosersFile.looksLikeClosers("closers:\n  - id: a\n"));
    }

    @Test
    void shouldReportARingTimeoutBelowTheFloor()
    {
        assertEquals(List.of("c.yaml:21:15: ring_timeout 10s is below the floor of 15s (ring at least 15 seconds " +
            "before giving up)"), errors(VALID.replace("ring_timeout: 25s", "ring_timeout: 10s")));
    }

    @Test
    void shouldReportABadDuration()
    {
        assertEquals(List.of("c.yaml:19:19: busy delay must be a duration like 25s, 30m, 2h or 1d, found 'soon'"),
            errors(VALID.replace("busy: 30m", "busy: soon")));
    }

    @Test
    void shouldSetTheRetryOfEveryRetryableDisposition()
    {
        final CampaignResult result = CampaignLoader.load("c.yaml", VALID.replace("failed: 1h }",
            "failed: 1h, callback: 4h, message_left: 1d, hung_up: never }"), dir);

        assertEquals(List.of(), result.errors());
        final RetryPolicy retries = CampaignSetup.retries(result.campaign());
        assertEquals(4 * 3_600_000L, retries.delayMs(Disposition.CALLBACK), "the delay when no time was asked");
        assertFalse(retries.isFinal(Disposition.MESSAGE_LEFT), "a duration makes a final disposition retryable");
        assertEquals(24 * 3_600_000L, retries.delayMs(Disposition.MESSAGE_LEFT));
        assertTrue(retries.isFinal(Disposition.HUNG_UP));
        assertTrue(retries.isFinal(Disposition.MACHINE));
        assertEquals(3_600_000L, retries.delayMs(Disposition.ABANDONED), "not set: the library's default");
        assertFalse(retries.isFinal(Disposition.ABANDONED));
    }

    @Test
    void shouldRefuseARetryForADispositionThatIsFinalByNature()
    {
        assertEquals(List.of("c.yaml:19:67: unknown key 'opted_out' in retries delays"),
            errors(VALID.replace("failed: 1h }", "failed: 1h, opted_out: 1d }")).stream()
                .map(e -> e.replaceAll(";.*", "")).toList());
    }

    @Test
    void shouldReadTheCallbackOffer()
    {
        assertEquals("this evening", CampaignLoader.load("c.yaml", VALID, dir).campaign().callbackOffer()[1],
            "the default offer");
        final CampaignFile custom = CampaignLoader.load("c.yaml",
            VALID + "callback_offer: { '1': tomorrow 0900, '3': friday afternoon }\n", dir).campaign();
        assertEquals("tomorrow 0900", custom.callbackOffer()[1]);
        assertNull(custom.callbackOffer()[2]);
        assertEquals("friday afternoon", custom.callbackOffer()[3]);
        final CampaignFile none = CampaignLoader.load("c.yaml", VALID + "callback_offer: none\n", dir).campaign();
        assertTrue(java.util.Arrays.stream(none.callbackOffer()).allMatch(java.util.Objects::isNull));
    }

    @Test
    void shouldReportABadCallbackOffer()
    {
        final List<String> errors = errors(VALID + "callback_offer: { x: this evening, '2': next week }\n");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("c.yaml:23:19: callback_offer key 'x' is not a keypad digit 0-9", errors.get(0));
        assertTrue(errors.get(1).startsWith("c.yaml:23:41: callback_offer 2: 'next week' is not a callback time"),
            errors.get(1));
    }

    @Test
    void shouldReportAnUnknownKeyWithASuggestion()
    {
        assertEquals(List.of("c.yaml:21:1: unknown key 'ring_timout' in the campaign; did you mean 'ring_timeout'?"),
            errors(VALID.replace("ring_timeout:", "ring_timout:")));
    }

    @Test
    void shouldReportAnUnknownKeyWithoutACloseOne()
    {
        final List<String> errors = errors(VALID.replace("  username: demo", "  colour: demo\n  username: demo"));

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("c.yaml:5:3: unknown key 'colour' in trunk; expected one of uri,"),
            errors.get(0));
    }

    @Test
    void shouldReportADuplicateKey()
    {
        assertEquals(List.of("c.yaml:23:1: duplicate key 'name' in the campaign (first at line 1)"),
            errors(VALID + "name: again\n"));
    }

    @Test
    void shouldReportAMissingKey()
    {
        assertEquals(List.of("c.yaml:1:1: missing 'leads' in the campaign"),
            errors(VALID.replace("leads: leads.csv\n", "")));
    }

    @Test
    void shouldReportABadCallerId()
    {
        assertEquals(List.of("c.yaml:2:34: caller_id number '555' is not a valid number for region US"),
            errors(VALID.replace("'214 555 0199'", "'555'")));
    }

    @Test
    void shouldReportABadTrunkUriAndTransport()
    {
        final List<String> errors = errors(VALID.replace("uri: sip:carrier@127.0.0.1:5060",
            "uri: carrier.example.com\n  transport: sctp"));

        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("c.yaml:4:8: trunk uri 'carrier.example.com' is not"), errors.get(0));
        assertEquals("c.yaml:5:14: transport must be udp or tcp, found 'sctp'", errors.get(1));
    }

    @Test
    void shouldRefuseSipsInTheTrunkAndProxyWithTheirPosition()
    {
        assertEquals(List.of(
            "c.yaml:4:8: trunk uri 'sips:carrier@127.0.0.1:5061': sips: needs TLS, which this dialer does not " +
            "support yet; use sip:",
            "c.yaml:5:19: outbound_proxy 'sips:proxy.example.com': sips: needs TLS, which this dialer does not " +
            "support yet; use sip:"),
            errors(VALID.replace("uri: sip:carrier@127.0.0.1:5060", "uri: sips:carrier@127.0.0.1:5061\n" +
                "  outbound_proxy: sips:proxy.example.com")));
        assertEquals(List.of(), errors(VALID.replace("  username: demo", "  transport: tcp\n  username: demo")),
            "tcp is kept");
    }

    @Test
    void shouldReportBothPasswordAndPasswordEnv()
    {
        assertEquals(List.of("c.yaml:7:3: give either password or password_env, not both"),
            errors(VALID.replace("  password_env:", "  password: secret\n  password_env:")));
    }

    @Test
    void shouldReadTheAbandonmentRule()
    {
        final CampaignResult result = CampaignLoader.load("c.yaml", VALID + "abandonment: { max_delay_ms: 1900, " +
            "seller: \"Acme Solar\", callback_number: \"+1 214 555 0100\", target_rate: 0.02, rule_basis: R1 }\n",
            dir);

        assertEquals(List.of(), result.errors());
        final AbandonmentRule rule = result.campaign().abandonment();
        assertEquals(1900, rule.maxDelayMs());
        assertEquals("Acme Solar", rule.seller());
        assertEquals("+12145550100", rule.callbackNumber());
        assertEquals(0.02, rule.targetRate());
        assertEquals("R1", rule.ruleBasis());
        assertTrue(rule.safeHarborText().contains("Acme Solar") &&
            rule.safeHarborText().contains("2 1 4, 5 5 5, 0 1 0 0"), rule.safeHarborText());
    }

    @Test
    void shouldTakeTheAbandonmentRulesDefaultsFromTheCallerId()
    {
        final AbandonmentRule rule = CampaignLoader.load("c.yaml", VALID, dir).campaign().abandonment();

        assertEquals(AbandonmentRule.MAX_DELAY_DEFAULT_MS, rule.maxDelayMs());
        assertEquals("Acme", rule.seller());
        assertEquals("+12145550199", rule.callbackNumber());
        assertEquals(AbandonmentRule.TARGET_RATE_DEFAULT, rule.targetRate());
        assertEquals("TSR 310.4(b)(4): 2 s, 3 % per 30 days", rule.ruleBasis());
    }

    @Test
    void shouldRefuseAnAbandonmentRuleWithoutSellerOrWithABadNumber()
    {
        assertEquals(List.of(
            "c.yaml:23:14: missing 'seller' in abandonment (the safe-harbor message names the seller)",
            "c.yaml:23:33: abandonment callback_number '555' is not a valid number for region US (the number " +
            "people call back, like +1 214 555 0100)"),
            errors(VALID + "abandonment: { callback_number: '555' }\n"));
        assertEquals(List.of(
            "c.yaml:23:44: abandonment max_delay_ms must be a whole number from 100 to 10000, found '0'",
            "c.yaml:23:14: missing 'callback_number' in abandonment (the safe-harbor message gives a number to " +
            "call back)",
            "c.yaml:23:60: abandonment target_rate must be a fraction from 0 to 0.5 (0.03 for 3 %), found '3%'"),
            errors(VALID + "abandonment: { seller: Acme, max_delay_ms: 0, target_rate: 3% }\n"));
    }

    @Test
    void shouldReportBadPacing()
    {
        assertEquals(List.of(
            "c.yaml:10:17: pacing mode 'preview' is not supported; expected progressive or predictive",
            "c.yaml:10:33: pacing ratio must be a number above 0 and at most 10 (lines per available closer, like " +
            "1.5), found '0'"),
            errors(VALID.replace("mode: progressive, ratio: 1.5", "mode: preview, ratio: 0")));
        assertEquals(List.of("c.yaml:10:78: max_dials_per_second must be a whole number from 1 to 100000, found '0'"),
            errors(VALID.replace("max_dials_per_second: 40", "max_dials_per_second: 0")));
    }

    @Test
    void shouldReadPredictivePacing()
    {
        final CampaignResult result = CampaignLoader.load("c.yaml", VALID.replace(PACING,
            "pacing: { mode: predictive, target_abandon_rate: 0.02, max_lines_per_closer: 4, " +
            "min_calls_before_predicting: 80, max_hold: 30s }"),
            dir);

        assertEquals(List.of(), result.errors());
        final CampaignFile campaign = result.campaign();
        assertEquals("predictive", campaign.pacingMode());
        assertEquals(0.02, campaign.targetAbandonRate());
        assertEquals(4, campaign.maxLinesPerCloser());
        assertEquals(80, campaign.minCallsBeforePredicting());
        assertEquals(30_000, campaign.maxHoldMs());
        assertEquals(1_000, campaign.maxLines()); // the predictive pacer's own limits bound it
    }

    @Test
    void shouldReportBadPredictivePacing()
    {
        assertEquals(List.of(
            "c.yaml:10:50: pacing target_abandon_rate must be a share above 0 and at most 0.2 (0.03 is 3 %), found " +
            "'0.5'",
            "c.yaml:10:77: max_lines_per_closer must be a whole number from 1 to 100, found '0'",
            "c.yaml:10:90: pacing max_hold must be at least 1s, found '500ms'"),
            errors(VALID.replace(PACING, "pacing: { mode: predictive, target_abandon_rate: 0.5, " +
            "max_lines_per_closer: 0, max_hold: 500ms }")));
        assertEquals(List.of("c.yaml:10:30: pacing max_hold is for mode: predictive; set the mode or remove it"),
            errors(VALID.replace(PACING, "pacing: { mode: progressive, max_hold: 5s }")));
    }

    @Test
    void shouldReportBadCallingWindows()
    {
        assertEquals(List.of(
            "c.yaml:12:10: calling_window start must be a time of day from \"00:00\" to \"23:59\" (24 hours, " +
            "quoted), found '8am'",
            "c.yaml:15:32: per_state FL end must be after its start"),
            errors(VALID.replace("start: '08:00'\n", "start: 8am\n").replace("end: '20:00'", "end: '07:00'")));
        assertEquals(List.of("c.yaml:13:8: calling_window end must be a time of day from \"00:00\" to \"23:59\" (24 " +
            "hours, quoted), found '24:00'"), errors(VALID.replace("end: '21:00'", "end: '24:00'")),
            "24:00 was accepted, then refused by the calling window when the campaign started");
        assertEquals(List.of("c.yaml:15:5: per_state key 'Florida' must be a two-letter state code, like FL"),
            errors(VALID.replace("    FL:", "    Florida:")));
    }

    @Test
    void shouldReportAttemptsPerDayAboveAttempts()
    {
        assertEquals(List.of("c.yaml:18:25: max_attempts_per_day 5 is above max_attempts 3"),
            errors(VALID.replace("max_attempts_per_day: 2", "max_attempts_per_day: 5")));
    }

    @Test
    void shouldReportMissingFiles()
    {
        assertEquals(List.of(
            "c.yaml:22:7: dnc list file 'dnc.txt' not found (looked for " + dir.resolve("dnc.txt") + ")",
            "c.yaml:9:8: leads file 'nope.csv' not found (looked for " + dir.resolve("nope.csv") + ")"),
            errors(VALID.replace("leads.csv", "nope.csv").replace("dnc: []", "dnc: [dnc.txt]")));
    }

    @Test
    void shouldReadDoNotCallFilesInTheCampaignsRegionWhenValidating() throws IOException
    {
        Files.writeString(dir.resolve("dnc.txt"), "# internal\n(214) 555-0123\n020 7946 0000\nnope\n");
        final String yaml = VALID.replace("dnc: []", "dnc: [dnc.txt]") + "default_region: GB\n";

        assertEquals(List.of(), CampaignLoader.load("c.yaml", yaml.replace("'214 555 0199'", "'+12145550199'"), dir)
            .errors(), "loading for a run leaves the contents to the run");
        assertEquals(List.of(
            dir.resolve("dnc.txt") + ":2: phone '(214) 555-0123' is not a valid number for region GB",
            dir.resolve("dnc.txt") + ":4: phone 'nope' is not a valid number for region GB"),
            CampaignLoader.validate("c.yaml", yaml.replace("'214 555 0199'", "'+12145550199'"), dir).errors()
                .stream().map(ValidationError::toString).toList());
    }

    @Test
    void shouldReadTheClosersDestinationsInTheCampaignsRegionWithTheirRealm() throws IOException
    {
        assertEquals(null, CampaignLoader.load("c.yaml", VALID, dir).campaign().closersSipRealm(),
            "the example's closers are all on SIP addresses: no realm");
        Files.writeString(dir.resolve("closers.yaml"), "sip_realm: dialer.example.com\n" +
            "closers:\n" +
            "  - { id: a, phone: '020 7946 0018', skills: [auto-closers] }\n" +
            "  - { id: b, extension: 'ext:1001', sip_password_ha1: 4c5833381d37c07ecd3c54f9327542fa, " +
            "skills: [auto-closers] }\n");
        final String yaml = VALID.replace("'214 555 0199'", "'+12145550199'") + "default_region: GB\n";

        final CampaignResult result = CampaignLoader.load("c.yaml", yaml, dir);

        assertEquals(List.of(), result.errors());
        assertEquals("dialer.example.com", result.campaign().closersSipRealm());
        assertEquals(List.of(CloserDestination.phone("+442079460018"),
            CloserDestination.extension("1001", "4c5833381d37c07ecd3c54f9327542fa")),
            result.campaign().closers().stream().map(Closer::destination).toList());
    }

    @Test
    void shouldReportTheScriptsAndClosersErrors() throws IOException
    {
        Files.writeString(dir.resolve("script.yaml"), "questions: {}\n");
        Files.writeString(dir.resolve("closers.yaml"), "closers:\n  - { id: a, uri: 'sip:a@x', skills: [] }\n");

        final List<String> errors = errors(VALID);

        assertTrue(errors.contains(dir.resolve("closers.yaml") + ":2:38: skills is empty: closer 'a' would never " +
            "get a call"), errors.toString());
        assertTrue(errors.stream().anyMatch((e) -> e.startsWith(dir.resolve("script.yaml") + ":")),
            errors.toString());
    }

    @Test
    void shouldSayOnceThatTheClosersFileIsAScriptAndTheScriptAClosersFile()
    {
        assertEquals(List.of("c.yaml:8:10: closers file 'script.yaml' is a qualification script (it has questions:), " +
            "not a closers file; name a closers file here"),
            errors(VALID.replace("closers: closers.yaml", "closers: script.yaml")));
        assertEquals(List.of("c.yaml:7:9: script file 'closers.yaml' is a closers file (it has closers:), not a " +
            "qualification script; name a qualification script here"),
            errors(VALID.replace("script: script.yaml", "script: closers.yaml")));
    }

    @Test
    void shouldReportPromptFieldsTheLeadListDoesNotHave() throws IOException
    {
        Files.writeString(dir.resolve("script.yaml"), Files.readString(dir.resolve("script.yaml")).replace(
            "{lead.first_name|there}", "{lead.first_name}"));

        assertEquals(List.of(dir.resolve("script.yaml") + ":23:19: lead field 'first_name' is not a column of " +
            "leads.csv (it has only the phone column)"), errors(VALID));
        Files.writeString(dir.resolve("leads.csv"), "phone;first_name\n2145550123;Ana\n");
        assertEquals(List.of(), errors(VALID));
    }

    @Test
    void shouldSayAnEmptyCampaignFileIsEmpty() throws IOException
    {
        final Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "# nothing yet\n");

        assertEquals(List.of(empty + ":1:1: the file is empty"),
            CampaignLoader.load(empty).errors().stream().map(ValidationError::toString).toList());
    }

    @Test
    void shouldReportAScriptSkillWithoutACloser() throws IOException
    {
        Files.writeString(dir.resolve("closers.yaml"), "closers:\n  - { id: a, uri: 'sip:a@x', skills: [home] }\n");

        assertEquals(List.of("c.yaml:8:10: skill 'auto-closers' of script script.yaml has no closer in closers.yaml"),
            errors(VALID));
    }

    @Test
    void shouldReportYamlSyntaxErrorsAndEmptyFiles()
    {
        assertEquals(List.of("c.yaml:1:1: the file is empty"), errors(""));
        assertEquals(List.of("c.yaml:2:1: YAML syntax: expected ',' or ']', but got <stream end>"),
            errors("trunk: [a\n"));
        final CampaignResult result = CampaignLoader.load("c.yaml", "", dir);
        assertNull(result.campaign());
    }

    private List<String> errors(final String yaml)
    {
        return CampaignLoader.load("c.yaml", yaml, dir).errors().stream().map(ValidationError::toString)
            .collect(Collectors.toList());
    }

    static Path examples()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (null != dir && !Files.isDirectory(dir.resolve("examples")))
        {
            dir = dir.getParent();
        }
        if (null == dir)
        {
            throw new IllegalStateException("no examples directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples");
    }
}
