/*
 * Lead lists.
 */
package io.dialer.core.lead;

import io.dialer.core.compliance.E164;
import io.dialer.core.compliance.NumberNormaliser;

/**
 * Numbers as lead lists read them, for do-not-call files: libphonenumber in a default region, so
 * {@code (214) 555-0123} is {@code +12145550123} in {@code US}; a number written with {@code +} is read as written;
 * a number with an extension is refused. Thread-safe; meant for loading files, not for the check before a dial.
 */
public final class RegionNormaliser implements NumberNormaliser
{
    private final PhoneNormaliser normaliser;

    /**
     * A normaliser for a region.
     *
     * @param region an ISO 3166 region code libphonenumber knows, like {@code US}.
     * @throws IllegalArgumentException for an unknown region.
     */
    public RegionNormaliser(final String region)
    {
        final String code = region.trim().toUpperCase(java.util.Locale.ROOT);
        if (!PhoneNormaliser.isKnownRegion(code))
        {
            throw new IllegalArgumentException("unknown region '" + region + "'");
        }
        this.normaliser = new PhoneNormaliser(code);
    }

    /**
     * The region numbers without {@code +} are read in.
     *
     * @return the region code.
     */
    public String region()
    {
        return normaliser.region();
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public long normalise(final CharSequence text)
    {
        final long number = normaliser.normalise(text.toString(), new PhoneNormaliser.Info[1]);
        return number < 0 ? E164.INVALID : number;
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public String problem(final CharSequence text)
    {
        return "phone '" + text + "' is not a valid number for region " + normaliser.region();
    }
}
