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
        assertEquals(List.of("c.yaml:2:5: missing 'uri' in closer 'a'"),
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

    private static List<String> errors(final String yaml)
    {
        return ClosersFile.read("c.yaml", yaml).errors().stream().map(ValidationError::toString)
            .collect(Collectors.toList());
    }
}
