/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

/**
 * Parses DTMF carried in SIP INFO bodies.
 */
final class DtmfInfo
{
    private DtmfInfo()
    {
    }

    /**
     * {@code application/dtmf-relay}: lines {@code Signal=5} and {@code Duration=160}; signal may be a digit or an
     * event number (10 is *, 11 is #, 12-15 are A-D).
     *
     * @param body the body.
     * @return the digit, or 0 when absent or invalid.
     */
    static char parseRelay(final String body)
    {
        for (final String line : body.split("\r?\n"))
        {
            final int eq = line.indexOf('=');
            if (eq > 0 && "signal".equalsIgnoreCase(line.substring(0, eq).trim()))
            {
                return toDigit(line.substring(eq + 1).trim());
            }
        }
        return 0;
    }

    /**
     * {@code application/dtmf}: the body is the digit (or its event number).
     *
     * @param body the body.
     * @return the digit, or 0 when invalid.
     */
    static char parsePlain(final String body)
    {
        return toDigit(body.trim());
    }

    static char toDigit(final String value)
    {
        if (value.length() == 1)
        {
            final char c = Character.toUpperCase(value.charAt(0));
            if ((c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D'))
            {
                return c;
            }
            return 0;
        }
        switch (value)
        {
            case "10":
                return '*';
            case "11":
                return '#';
            case "12":
                return 'A';
            case "13":
                return 'B';
            case "14":
                return 'C';
            case "15":
                return 'D';
            default:
                return 0;
        }
    }
}
