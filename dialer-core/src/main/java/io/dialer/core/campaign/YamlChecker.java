/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;

import io.dialer.qualification.Problems;
import io.dialer.qualification.ValidationError;
import javax.sip.address.AddressFactory;
import javax.sip.SipFactory;
import javax.sip.PeerUnavailableException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Walks SnakeYAML Engine nodes for one file and collects {@link ValidationError}s positioned from their marks
 * (0-based) as 1-based line and column, as the qualification script compiler does; adds "did you mean" to unknown
 * keys and readers for durations, times of day and SIP URIs.
 */
final class YamlChecker
{
    private static final AddressFactory ADDRESS_FACTORY = addressFactory();
    private static final String SIP_EXAMPLE = "sip:dana@pbx.example.com";

    private final Problems problems;

    YamlChecker(final String file)
    {
        this.problems = new Problems(file);
    }

    String file()
    {
        return problems.file();
    }

    List<ValidationError> errors()
    {
        return problems.errors();
    }

    void add(final int line, final int column, final String message)
    {
        problems.add(line, column, message);
    }

    void add(final Node node, final String message)
    {
        problems.add(node, message);
    }

    void addAll(final List<ValidationError> more)
    {
        problems.errors().addAll(more);
    }

    Node compose(final String yaml)
    {
        return problems.compose(yaml);
    }

    Map<String, NodeTuple> mapping(final Node node, final String what, final Set<String> allowed)
    {
        return problems.mapping(node, what, allowed);
    }

    static Node value(final Map<String, NodeTuple> fields, final String key)
    {
        final NodeTuple tuple = fields.get(key);
        return null == tuple ? null : tuple.getValueNode();
    }

    static Node keyNode(final Map<String, NodeTuple> fields, final String key)
    {
        final NodeTuple tuple = fields.get(key);
        return null == tuple ? null : tuple.getKeyNode();
    }

    Node required(final Map<String, NodeTuple> fields, final String key, final Node parent, final String what)
    {
        final Node node = value(fields, key);
        if (null == node)
        {
            add(parent, "missing '" + key + "' in " + what);
        }
        return node;
    }

    String text(final Node node, final String what)
    {
        if (null == node)
        {
            return null;
        }
        if (!(node instanceof ScalarNode))
        {
            add(node, what + " must be a single value, found " + describe(node));
            return null;
        }
        final String value = ((ScalarNode)node).getValue().trim();
        if (value.isEmpty())
        {
            add(node, what + " is empty");
            return null;
        }
        return value;
    }

    List<ScalarNode> scalars(final Node node, final String what)
    {
        final List<ScalarNode> result = new ArrayList<>();
        if (!(node instanceof SequenceNode))
        {
            add(node, what + " must be a list, like [a, b], found " + describe(node));
            return result;
        }
        for (final Node item : ((SequenceNode)node).getValue())
        {
            if (null != text(item, "an item of " + what))
            {
                result.add((ScalarNode)item);
            }
        }
        return result;
    }

    /**
     * A whole number in a range, or the default when absent or wrong (wrong values are reported).
     */
    int integer(final Node node, final String what, final int min, final int max, final int defaultValue)
    {
        final String text = text(node, what);
        if (null == text)
        {
            return defaultValue;
        }
        try
        {
            final int value = Integer.parseInt(text);
            if (value >= min && value <= max)
            {
                return value;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }
        add(node, what + " must be a whole number from " + min + " to " + max + ", found '" + text + "'");
        return defaultValue;
    }

    /**
     * A decimal number; reported when absent from the valid range.
     *
     * @param node         the value's node, or null when absent.
     * @param what         what it is, for the message ("pacing ratio").
     * @param valid        whether a number is in range.
     * @param mustBe       the rule, for the message ("a share above 0 and at most 0.2 (0.03 is 3 %)").
     * @param defaultValue what to return when absent or wrong.
     * @return the number, or the default.
     */
    double decimal(
        final Node node, final String what, final DoublePredicate valid, final String mustBe,
        final double defaultValue)
    {
        final String text = text(node, what);
        if (null == text)
        {
            return defaultValue;
        }
        try
        {
            final double value = Double.parseDouble(text);
            if (valid.test(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // reported below
        }
        add(node, what + " must be " + mustBe + ", found '" + text + "'");
        return defaultValue;
    }

    /**
     * A duration like {@code 25s}, {@code 30m}, {@code 2h}, {@code 1d} or {@code 500ms}, in milliseconds; -1 when
     * absent or wrong (wrong values are reported).
     */
    long duration(final Node node, final String what)
    {
        final String text = text(node, what);
        if (null == text)
        {
            return -1;
        }
        final long millis = parseDuration(text);
        if (millis < 0)
        {
            add(node, what + " must be a duration like 25s, 30m, 2h or 1d, found '" + text + "'");
        }
        return millis;
    }

    /**
     * A duration as the campaign file writes it: {@code 500ms}, {@code 15s}, {@code 5m}, {@code 2h}, {@code 1d}.
     */
    static String formatDuration(final long millis)
    {
        if (0 == millis)
        {
            return "0s";
        }
        if (0 != millis % 1_000)
        {
            return millis + "ms";
        }
        final long seconds = millis / 1_000;
        if (0 != seconds % 60)
        {
            return seconds + "s";
        }
        if (0 != seconds % 3_600)
        {
            return seconds / 60 + "m";
        }
        return 0 != seconds % 86_400 ? seconds / 3_600 + "h" : seconds / 86_400 + "d";
    }

    static long parseDuration(final String text)
    {
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits)))
        {
            digits++;
        }
        if (0 == digits || digits > 9)
        {
            return -1;
        }
        final long amount = Long.parseLong(text.substring(0, digits));
        switch (text.substring(digits).trim())
        {
            case "ms":
                return amount;
            case "s":
                return amount * 1_000L;
            case "m":
                return amount * 60_000L;
            case "h":
                return amount * 3_600_000L;
            case "d":
                return amount * 86_400_000L;
            default:
                return -1;
        }
    }

    /**
     * A time of day {@code HH:MM} (24 h) as minutes after midnight; -1 when absent or wrong (reported).
     */
    int timeOfDay(final Node node, final String what)
    {
        final String text = text(node, what);
        if (null == text)
        {
            return -1;
        }
        if (5 == text.length() && ':' == text.charAt(2) && Character.isDigit(text.charAt(0)) &&
            Character.isDigit(text.charAt(1)) && Character.isDigit(text.charAt(3)) && Character.isDigit(text.charAt(4)))
        {
            final int hours = Integer.parseInt(text.substring(0, 2));
            final int minutes = Integer.parseInt(text.substring(3));
            if (hours < 24 && minutes < 60)
            {
                return hours * 60 + minutes;
            }
        }
        add(node, what + " must be a time of day from \"00:00\" to \"23:59\" (24 hours, quoted), found '" + text +
            "'");
        return -1;
    }

    /**
     * Whether text is a {@code sip:} URI as JAIN-SIP parses it; reports it when not, with a reason people can act on
     * (never the parser's internals). {@code sips:} and {@code transport=tls} are refused: there is no TLS yet.
     */
    boolean sipUri(final Node node, final String text, final String what)
    {
        final String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("sips:") || lower.contains(";transport=tls"))
        {
            add(node, what + " '" + text + "': " + (lower.startsWith("sips:") ? "sips:" : "transport=tls") +
                " needs TLS, which this dialer does not support yet; use sip:");
            return false;
        }
        if (!lower.startsWith("sip:"))
        {
            add(node, what + " '" + text + "' is not a SIP URI: it must start with sip: (like " + SIP_EXAMPLE + ")");
            return false;
        }
        final String problem = uriProblem(text);
        if (null != problem)
        {
            add(node, what + " '" + text + "' is not a valid SIP URI (like " + SIP_EXAMPLE + "): " + problem);
            return false;
        }
        try
        {
            if (ADDRESS_FACTORY.createURI(text).isSipURI())
            {
                return true;
            }
            add(node, what + " '" + text + "' is not a SIP URI (like " + SIP_EXAMPLE + ")");
        }
        catch (final ParseException ex)
        {
            add(node, what + " '" + text + "' is not a valid SIP URI (like " + SIP_EXAMPLE + "): it cannot be " +
                "read at character " + Math.min(text.length(), Math.max(1, ex.getErrorOffset() + 1)));
        }
        catch (final RuntimeException ex)
        {
            add(node, what + " '" + text + "' is not a valid SIP URI (like " + SIP_EXAMPLE + ")");
        }
        return false;
    }

    /**
     * What is wrong with a {@code sip:} URI in words, for the mistakes people make; null when none of them is found.
     */
    static String uriProblem(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (Character.isWhitespace(text.charAt(i)))
            {
                return "it contains a space at character " + (i + 1);
            }
        }
        final String rest = text.substring(text.indexOf(':') + 1);
        final int at = rest.lastIndexOf('@');
        String hostPort = at < 0 ? rest : rest.substring(at + 1);
        if (at == 0)
        {
            return "nothing before '@': write the user, like dana@, or leave the '@' out";
        }
        for (final char end : new char[]{';', '?'})
        {
            final int index = hostPort.indexOf(end);
            hostPort = index < 0 ? hostPort : hostPort.substring(0, index);
        }
        if (hostPort.isEmpty())
        {
            return at < 0 ? "no host after sip:" : "no host after '@'";
        }
        final int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']'))) :
            hostPort.indexOf(':');
        final String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        if (host.isEmpty())
        {
            return "no host before the port";
        }
        if (!host.startsWith("[") && !host.matches("[A-Za-z0-9.-]+"))
        {
            return "host '" + host + "' may use only letters, digits, '.' and '-'";
        }
        if (colon >= 0)
        {
            final String port = hostPort.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535)
            {
                return "port '" + port + "' must be a number from 1 to 65535";
            }
        }
        return null;
    }

    static String describe(final Node node)
    {
        return Problems.describe(node);
    }

    static boolean hasTopLevelKey(final String yaml, final String key)
    {
        return yaml.startsWith(key + ":") || yaml.contains("\n" + key + ":");
    }

    static String closest(final String key, final Set<String> allowed)
    {
        return Problems.closest(key, allowed);
    }

    private static AddressFactory addressFactory()
    {
        try
        {
            final SipFactory factory = SipFactory.getInstance();
            return factory.createAddressFactory();
        }
        catch (final PeerUnavailableException ex)
        {
            throw new IllegalStateException("JAIN-SIP address factory unavailable", ex);
        }
    }
}
