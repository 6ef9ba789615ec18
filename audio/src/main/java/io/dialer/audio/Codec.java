/*
 * Dialer audio.
 */
package io.dialer.audio;

/**
 * The audio codecs the media engine speaks, with their static RTP payload types.
 */
public enum Codec
{
    /** G.711 µ-law, payload type 0. */
    PCMU(0, "PCMU"),
    /** G.711 A-law, payload type 8. */
    PCMA(8, "PCMA");

    private final int payloadType;
    private final String encodingName;

    Codec(final int payloadType, final String encodingName)
    {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    /**
     * The static RTP payload type.
     *
     * @return 0 or 8.
     */
    public int payloadType()
    {
        return payloadType;
    }

    /**
     * The SDP encoding name.
     *
     * @return {@code PCMU} or {@code PCMA}.
     */
    public String encodingName()
    {
        return encodingName;
    }

    /**
     * The codec for a static payload type.
     *
     * @param payloadType RTP payload type.
     * @return the codec, or null when not G.711.
     */
    public static Codec ofPayloadType(final int payloadType)
    {
        switch (payloadType)
        {
            case 0:
                return PCMU;
            case 8:
                return PCMA;
            default:
                return null;
        }
    }
}
