/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.dialer.qualification.ValidationError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClosersFileTest
{
    // printf '1001:dialer.example.com:s3cret' | md5sum
    private static final String HA1 = "4c5833381d37c07ecd3c54f9327542fa";

    @Test
    void shouldLoadTheExample()
    {
        final ClosersFile closers = ClosersFile.load(CampaignLoaderTest.examples().resolve("closers.yaml"));

        assertEquals(List.of(), closers.errors());
        assertEquals(3, closers.closers().size());
        final Closer dana = closers.closers().get(0);
        assertEquals("dana", dana.id());
        assertEquals("Dana Lee", dana.name());
        assertEquals("sip:dana@127.0.0.1:5070", dana.uri());
        assertEquals(List.of("auto-closers"), dana.skills());
    }

    @Test
    void shouldLoadTheDestinationsExample()
    {
        final ClosersFile closers =
            ClosersFile.load(CampaignLoaderTest.examples().resolve("closers-destinations.yaml"));

        assertEquals(List.of(), closers.errors());
        assertEquals("dialer.example.com", closers.sipRealm());
        assertEquals(List.of("sip:dana@127.0.0.1:5070", "+15125551234", "ext:1001", "ext:1002"),
            closers.closers().stream().map((c) -> c.destination().toString()).toList());
    }

    @Test
    void shouldReportADuplicateId()
    {
        assertEquals(List.of("c.yaml:5:9: duplicate closer id 'a' (first at line 2)"), errors(
            "closers:\n" +
            "  - id: a\n" +
            "    uri: sip:a@example.com\n" +
            "    skills: [s]\n" +
            "  - id: a\n" +
            "    uri: sip:b@example.com\n" +
            "    skills: [s]\n"));
    }

    @Test
    void shouldReportABadSipUri()
    {
        final List<String> errors = errors("closers:\n  - { id: a, uri: 'http://x', skills: [s] }\n");

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("c.yaml:2:19: uri 'http://x' is not"), errors.get(0));
    }

    @Test
    void shouldReportAnUnparseableSipUri()
    {
        final List<String> errors = errors("closers:\n  - { id: a, uri: 'sip:', skills: [s] }\n");

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("c.yaml:2:19: uri 'sip:' is not a valid SIP URI"), errors.get(0));
    }

    @Test
    void shouldSayWhatIsWrongWithASipUriInWords()
    {
        final List<String> errors = errors("closers:\n" +
            "  - { id: a, uri: 'sip:dana@', skills: [s] }\n" +
            "  - { id: b, uri: 'sip:dana@pbx:70000', skills: [s] }\n" +
            "  - { id: c, uri: 'sip:dana@pbx example.com', skills: [s] }\n" +
            "  - { id: d, uri: 'sip:dana@pbx_1.example.com', skills: [s] }\n");

        assertEquals(List.of(
            "c.yaml:2:19: uri 'sip:dana@' is not a valid SIP URI (like sip:dana@pbx.example.com): no host after '@'",
            "c.yaml:3:19: uri 'sip:dana@pbx:70000' is not a valid SIP URI (like sip:dana@pbx.example.com): port " +
            "'70000' must be a number from 1 to 65535",
            "c.yaml:4:19: uri 'sip:dana@pbx example.com' is not a valid SIP URI (like sip:dana@pbx.example.com): it " +
            "contains a space at character 13",
            "c.yaml:5:19: uri 'sip:dana@pbx_1.example.com' is not a valid SIP URI (like sip:dana@pbx.example.com): " +
            "host 'pbx_1.example.com' may use only letters, digits, '.' and '-'"), errors);
        assertTrue(errors.stream().noneMatch((e) -> e.contains("[C@")), "no Java object id: " + errors);
    }

    @Test
    void shouldRefuseSipsUntilThereIsTls()
    {
        assertEquals(List.of("c.yaml:2:19: uri 'sips:dana@pbx.example.com': sips: needs TLS, which this dialer does " +
            "not support yet; use sip:"), errors("closers:\n  - { id: a, uri: 'sips:dana@pbx.example.com', " +
            "skills: [s] }\n"));
    }

    @Test
    void shouldReportEmptySkills()
    {
        assertEquals(List.of("c.yaml:2:48: skills is empty: closer 'a' would never get a call"),
            errors("closers:\n  - { id: a, uri: 'sip:a@example.com', skills: [] }\n"));
    }

    @Test
    void shouldReportAnUnknownKeyWithASuggestion()
    {
        assertEquals(List.of("c.yaml:4:5: unknown key 'skils' in a closer; did you mean 'skills'?",
            "c.yaml:2:5: missing 'skills' in closer 'a'"), errors(
            "closers:\n" +
            "  - id: a\n" +
            "    uri: sip:a@example.com\n" +
            "    skils: [s]\n"));
    }

    @Test
    void shouldReportMissingKeysAndBadShapes()
    {
        assertEquals(List.of("c.yaml:2:5: missing destination in closer 'a': give uri (a SIP address), phone (a " +
            "number dialed through the trunk) or extension (a softphone registering with the dialer)"),
            errors("closers:\n  - id: a\n    skills: [s]\n"));
        assertEquals(List.of("c.yaml:1:10: closers must be a list of closers (lines starting with '- id:'), " +
            "found 'none'"), errors("closers: none\n"));
    }

    @Test
    void shouldReportTheLineWhereAFileStopsBeingUtf8(@org.junit.jupiter.api.io.TempDir final Path dir)
        throws java.io.IOException
    {
        final Path file = dir.resolve("closers.yaml");
        Files.write(file, "closers:\n  - id: jos\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertEquals(List.of(file + ":2:1: not UTF-8; save the file as UTF-8"),
            ClosersFile.load(file).errors().stream().map(Object::toString).toList());
    }

    @Test
    void shouldReportYamlSyntaxAndUnreadableFiles(@org.junit.jupiter.api.io.TempDir final Path dir)
    {
        assertEquals(List.of("c.yaml:3:1: YAML syntax: expected ',' or ']', but got <stream end>"),
            errors("closers:\n  - [unclosed\n"));
        final ClosersFile missing = ClosersFile.load(dir.resolve("none.yaml"));
        assertEquals("file not found: " + dir.resolve("none.yaml"), missing.errors().get(0).message());
        assertTrue(Files.notExists(dir.resolve("none.yaml")));
    }

    @Test
    void shouldReadTheThreeKindsOfDestination()
    {
        final ClosersFile file = ClosersFile.read("c.yaml",
            "sip_realm: dialer.example.com\n" +
            "closers:\n" +
            "  - { id: dana, uri: 'sip:dana@10.0.0.5:5070', skills: [s] }\n" +
            "  - { id: eric, phone: '+1 512 555 1234', skills: [s] }\n" +
            "  - { id: fay, phone: '(214) 555-0199', skills: [s] }\n" +
            "  - { id: gus, extension: 1001, sip_password_ha1: " + HA1.toUpperCase(java.util.Locale.ROOT) +
            ", skills: [s] }\n" +
            "  - { id: hal, extension: 'ext:1002', sip_password_ha1: " + HA1 + ", skills: [s] }\n" +
            "  - { id: ida, extension: 'pbx:1003', sip_password_ha1: " + HA1 + ", skills: [s] }\n");

        assertEquals(List.of(), file.errors());
        assertEquals("dialer.example.com", file.sipRealm());
        assertEquals(List.of(
            CloserDestination.sipUri("sip:dana@10.0.0.5:5070"),
            CloserDestination.phone("+15125551234"),
            CloserDestination.phone("+12145550199"),
            CloserDestination.extension("1001", HA1),
            CloserDestination.extension("1002", HA1),
            CloserDestination.extension("1003", HA1)),
            file.closers().stream().map(Closer::destination).toList());
        assertEquals(List.of("sip:dana@10.0.0.5:5070", "+15125551234", "+12145550199", "ext:1001", "ext:1002",
            "ext:1003"), file.closers().stream().map(Closer::uri).toList());
        assertEquals(HA1, file.closers().get(3).destination().sipPasswordHa1(), "kept in lower case");
    }

    @Test
    void shouldReadNationalNumbersInTheRegionGiven()
    {
        final ClosersFile file = ClosersFile.read("c.yaml",
            "closers:\n  - { id: a, phone: '020 7946 0018', skills: [s] }\n", "GB");

        assertEquals(List.of(), file.errors());
        assertEquals("+442079460018", file.closers().get(0).destination().value());
        assertEquals(List.of("c.yaml:2:21: phone '020 7946 0018' is not a dialable number (write it as " +
            "+12145550199, or as a national number of region US like (214) 555-0199)"),
            errors("closers:\n  - { id: a, phone: '020 7946 0018', skills: [s] }\n"));
    }

    @Test
    void shouldReportANumberThatCannotBeDialed()
    {
        assertEquals(List.of("c.yaml:4:12: phone '555-01' is not a dialable number (write it as +12145550199, or " +
            "as a national number of region US like (214) 555-0199)"), errors(
            "closers:\n" +
            "  - id: a\n" +
            "    skills: [s]\n" +
            "    phone: 555-01\n"));
    }

    @Test
    void shouldReportMoreThanOneDestination()
    {
        assertEquals(List.of("c.yaml:4:5: closer 'a' has both uri and phone: give one destination"), errors(
            "closers:\n" +
            "  - id: a\n" +
            "    uri: sip:a@example.com\n" +
            "    phone: '+12145550199'\n" +
            "    skills: [s]\n"));
    }

    @Test
    void shouldRequireTheHa1AndTheRealmOfAnExtension()
    {
        assertEquals(List.of("c.yaml:3:5: missing 'sip_password_ha1' in closer 'a' on extension 1001 (the " +
            "credentials its phone registers with)"), errors(
            "sip_realm: dialer\n" +
            "closers:\n" +
            "  - id: a\n" +
            "    extension: 1001\n" +
            "    skills: [s]\n"));
        assertEquals(List.of("c.yaml:3:16: closer 'a' on an extension needs sip_realm: at the top of the closers " +
            "file, the realm its sip_password_ha1 was computed for"), errors(
            "closers:\n" +
            "  - id: a\n" +
            "    extension: 1001\n" +
            "    sip_password_ha1: " + HA1 + "\n" +
            "    skills: [s]\n"));
    }

    @Test
    void shouldRefuseAPlaintextPasswordAndSayHowToHashIt()
    {
        assertEquals(List.of("c.yaml:5:5: sip_password is not accepted: a plaintext password in this file is " +
            "readable by anyone who can read the file; give sip_password_ha1, the MD5 of '1001:dialer:PASSWORD' " +
            "(printf '1001:dialer:PASSWORD' | md5sum)",
            "c.yaml:3:5: missing 'sip_password_ha1' in closer 'a' on extension 1001 (the credentials its phone " +
            "registers with)"), errors(
            "sip_realm: dialer\n" +
            "closers:\n" +
            "  - id: a\n" +
            "    extension: 1001\n" +
            "    sip_password: hunter2\n" +
            "    skills: [s]\n"));
    }

    @Test
    void shouldReportBadExtensionsAndHashes()
    {
        assertEquals(List.of(
            "c.yaml:3:38: extension 'ext:10 01' must be 1 to 64 letters, digits or '_', '.', '~', '+', '-' (like " +
            "1001, ext:1001 or pbx:1001)",
            "c.yaml:4:62: sip_password_ha1 must be 32 hex digits: the MD5 of '1002:dialer:PASSWORD' (printf " +
            "'1002:dialer:PASSWORD' | md5sum)",
            "c.yaml:5:50: sip_password_ha1 is for a closer on an extension; closer 'c' has phone",
            "c.yaml:6:38: extension '1002' is also closer 'b''s (line 4): one phone registers per extension"),
            errors(
            "sip_realm: dialer\n" +
            "closers:\n" +
            "  - { id: a, skills: [s], extension: 'ext:10 01', sip_password_ha1: " + HA1 + " }\n" +
            "  - { id: b, skills: [s], extension: 1002, sip_password_ha1: secret }\n" +
            "  - { id: c, skills: [s], phone: '+12145550199', sip_password_ha1: " + HA1 + " }\n" +
            "  - { id: d, skills: [s], extension: 'pbx:1002', sip_password_ha1: " + HA1 + " }\n"));
    }

    @Test
    void shouldReportABadRealm()
    {
        assertEquals(List.of("c.yaml:1:12: sip_realm 'a\"b' may not contain quotes or backslashes"),
            errors("sip_realm: 'a\"b'\nclosers:\n  - { id: a, uri: 'sip:a@example.com', skills: [s] }\n"));
    }

    private static List<String> errors(final String yaml)
    {
        return ClosersFile.read("c.yaml", yaml).errors().stream().map(ValidationError::toString)
            .collect(Collectors.toList());
    }
}
