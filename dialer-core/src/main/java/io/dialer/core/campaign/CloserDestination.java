/*
 * Campaigns.
 */
package io.dialer.core.campaign;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a closer is dialed: a SIP address ({@code uri:}), a phone number through the campaign's trunk
 * ({@code phone:}), or an extension whose softphone registers with the dialer's registrar ({@code extension:}). The
 * Request-URI is resolved at dial time with {@link #requestUri(String, Function)}, since an extension's Contact is
 * known only while it is registered. Immutable.
 */
public final class CloserDestination
{
    /**
     * The kinds of destination.
     */
    public enum Kind
    {
        /** A SIP URI dialed as it is, e.g. {@code sip:dana@10.0.0.5:5070}. */
        SIP_URI,
        /** A phone number (E.164) dialed through the trunk like a lead: {@code sip:+12145550199@<trunk host>}. */
        PHONE,
        /** An extension ({@code ext:1001}, {@code pbx:1001}) dialed at the Contact its phone registered. */
        EXTENSION
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.~+-]{1,64}");
    private static final Pattern HA1 = Pattern.compile("[0-9a-f]{32}");

    private final Kind kind;
    private final String value;
    private final String sipPasswordHa1;

    private CloserDestination(final Kind kind, final String value, final String sipPasswordHa1)
    {
        this.kind = kind;
        this.value = value;
        this.sipPasswordHa1 = sipPasswordHa1;
    }

    /**
     * A SIP address.
     *
     * @param uri a {@code sip:} URI.
     * @return the destination.
     * @throws IllegalArgumentException when it does not start with {@code sip:}.
     */
    public static CloserDestination sipUri(final String uri)
    {
        if (null == uri || !uri.regionMatches(true, 0, "sip:", 0, 4))
        {
            throw new IllegalArgumentException("not a sip: URI: " + uri);
        }
        return new CloserDestination(Kind.SIP_URI, uri, null);
    }

    /**
     * A phone number, dialed through the trunk.
     *
     * @param e164 the number in E.164, like {@code +12145550199} (the closers file normalises national formats).
     * @return the destination.
     * @throws IllegalArgumentException when it is not E.164.
     */
    public static CloserDestination phone(final String e164)
    {
        if (null == e164 || !E164.matcher(e164).matches())
        {
            throw new IllegalArgumentException("not an E.164 number (like +12145550199): " + e164);
        }
        return new CloserDestination(Kind.PHONE, e164, null);
    }

    /**
     * An extension whose phone registers with the dialer.
     *
     * @param extension      the extension, with or without {@code ext:} / {@code pbx:}: 1 to 64 letters, digits or
     *                       {@code _ . ~ + -}.
     * @param sipPasswordHa1 {@code MD5(extension:realm:password)} as 32 hex digits: the credentials its phone must
     *                       prove, for {@code io.dialer.sip.Registrar#credentials}.
     * @return the destination.
     * @throws IllegalArgumentException when either is malformed.
     */
    public static CloserDestination extension(final String extension, final String sipPasswordHa1)
    {
        final String name = withoutPrefix(Objects.requireNonNull(extension, "extension"));
        if (!isExtension(name))
        {
            throw new IllegalArgumentException("extension '" + extension + "' must be 1 to 64 letters, digits or " +
                "'_', '.', '~', '+', '-'");
        }
        final String ha1 = null == sipPasswordHa1 ? null : sipPasswordHa1.toLowerCase(Locale.ROOT);
        if (null == ha1 || !HA1.matcher(ha1).matches())
        {
            throw new IllegalArgumentException("sip_password_ha1 of extension " + name + " must be 32 hex digits");
        }
        return new CloserDestination(Kind.EXTENSION, name, ha1);
    }

    /**
     * The kind.
     *
     * @return SIP URI, phone or extension.
     */
    public Kind kind()
    {
        return kind;
    }

    /**
     * What the closers file names: the SIP URI, the E.164 number or the extension (without {@code ext:}).
     *
     * @return the value.
     */
    public String value()
    {
        return value;
    }

    /**
     * The extension's credentials for the registrar.
     *
     * @return {@code MD5(extension:realm:password)} in lower-case hex for {@link Kind#EXTENSION}, else null.
     */
    public String sipPasswordHa1()
    {
        return sipPasswordHa1;
    }

    /**
     * Whether the call must bypass the stack's outbound proxy ({@code DialRequest.direct(true)}): true for an
     * extension, whose Contact the trunk cannot reach.
     *
     * @return true for {@link Kind#EXTENSION}.
     */
    public boolean direct()
    {
        return kind == Kind.EXTENSION;
    }

    /**
     * The Request-URI to dial now.
     *
     * @param trunkHost the trunk's {@code host[:port]}, as leads are dialed ({@code sip:<E.164>@host}); used for
     *                  {@link Kind#PHONE} only.
     * @param contacts  the registrar's lookup, extension to Contact URI or null when not registered
     *                  ({@code stack.registrar()::contact}); used for {@link Kind#EXTENSION} only.
     * @return the URI; null for an extension that is not registered now.
     */
    public String requestUri(final String trunkHost, final Function<String, String> contacts)
    {
        switch (kind)
        {
            case PHONE:
                return "sip:" + value + "@" + Objects.requireNonNull(trunkHost, "trunkHost");
            case EXTENSION:
                return contacts.apply(value);
            default:
                return value;
        }
    }

    /**
     * Whether text is an extension as the closers file and the registrar accept it (without prefix).
     *
     * @param text the text.
     * @return true when it is.
     */
    static boolean isExtension(final String text)
    {
        return EXTENSION.matcher(text).matches();
    }

    /**
     * The extension without an {@code ext:} or {@code pbx:} prefix.
     *
     * @param text {@code 1001}, {@code ext:1001} or {@code pbx:1001}.
     * @return {@code 1001}.
     */
    static String withoutPrefix(final String text)
    {
        final String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("ext:") || lower.startsWith("pbx:") ? text.substring(4) : text;
    }

    /**
     * The destination as the closers file could write it: the SIP URI, the E.164 number, or {@code ext:} and the
     * extension. Never the credentials.
     *
     * @return the text.
     */
    @Override
    public String toString()
    {
        return kind == Kind.EXTENSION ? "ext:" + value : value;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof CloserDestination && ((CloserDestination)other).kind == kind &&
            ((CloserDestination)other).value.equals(value) &&
            Objects.equals(((CloserDestination)other).sipPasswordHa1, sipPasswordHa1);
    }

    @Override
    public int hashCode()
    {
        return kind.hashCode() * 31 + value.hashCode();
    }
}
