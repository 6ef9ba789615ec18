/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import io.dialer.audio.Codec;

import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.Media;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * SDP offers and answers with JAIN-SIP's {@code javax.sdp}: G.711 (PCMU, PCMA) and {@code telephone-event/8000}.
 */
final class Sdp
{
    static final int TELEPHONE_EVENT_PT = 101;
    private static final String OFFER_ATTRIBUTES = "\r\na=rtpmap:" + Codec.PCMU.payloadType() + " " +
        Codec.PCMU.encodingName() + "/8000\r\na=rtpmap:" + Codec.PCMA.payloadType() + " " +
        Codec.PCMA.encodingName() + "/8000\r\na=rtpmap:" + TELEPHONE_EVENT_PT + " telephone-event/8000\r\na=fmtp:" +
        TELEPHONE_EVENT_PT + " 0-16\r\na=ptime:20\r\na=";
    static final String SENDRECV = "sendrecv";
    static final String SENDONLY = "sendonly";
    static final String RECVONLY = "recvonly";
    static final String INACTIVE = "inactive";

    private static final SdpFactory FACTORY = SdpFactory.getInstance();

    private Sdp()
    {
    }

    /**
     * What the far end's SDP says.
     */
    static final class Description
    {
        InetSocketAddress remote;
        final List<Codec> codecs = new ArrayList<>(2);
        int telephoneEventPt = -1;
        String direction = SENDRECV;
        boolean nullAddress;

        /**
         * The first codec of the far end's list we speak.
         *
         * @return the codec, or null when none is common.
         */
        Codec firstCommonCodec()
        {
            return codecs.isEmpty() ? null : codecs.get(0);
        }

        /**
         * Whether the far end holds us: sendonly, inactive, or the RFC 2543 null address.
         *
         * @return true when on hold.
         */
        boolean held()
        {
            return nullAddress || SENDONLY.equals(direction) || INACTIVE.equals(direction);
        }

        /**
         * Whether we should send, given the far end's direction.
         *
         * @return true unless the far end is recvonly-incapable (sendonly/inactive/null address).
         */
        boolean weSend()
        {
            return !held();
        }

        /**
         * Whether we should expect RTP, given the far end's direction.
         *
         * @return false when the far end says recvonly, inactive or the null address.
         */
        boolean weReceive()
        {
            return !nullAddress && !RECVONLY.equals(direction) && !INACTIVE.equals(direction);
        }

        /**
         * Our direction attribute mirroring the far end's.
         *
         * @return the attribute name.
         */
        String answerDirection()
        {
            final boolean send = weSend();
            final boolean receive = weReceive();
            if (send && receive)
            {
                return SENDRECV;
            }
            if (send)
            {
                return SENDONLY;
            }
            return receive ? RECVONLY : INACTIVE;
        }
    }

    static String offer(final InetSocketAddress local, final long sessionId, final long version, final String direction)
    {
        // every outbound INVITE carries one: written directly, the same text javax.sdp writes (see SdpTest)
        final String host = local.getAddress().getHostAddress();
        final String network = host.indexOf(':') >= 0 ? " IN IP6 " : " IN IP4 ";
        return new StringBuilder(256)
            .append("v=0\r\no=dialer ").append(sessionId).append(' ').append(version).append(network).append(host)
            .append("\r\ns=dialer\r\nc=").append(network, 1, network.length()).append(host)
            .append("\r\nt=0 0\r\nm=audio ").append(local.getPort()).append(" RTP/AVP ")
            .append(Codec.PCMU.payloadType()).append(' ').append(Codec.PCMA.payloadType()).append(' ')
            .append(TELEPHONE_EVENT_PT).append(OFFER_ATTRIBUTES).append(direction).append("\r\n").toString();
    }

    /**
     * An offer built with javax.sdp, as {@link #offer} was: the reference its text is tested against.
     */
    static String offerWithFactory(
        final InetSocketAddress local, final long sessionId, final long version, final String direction)
    {
        return build(local, sessionId, version, new Codec[]{Codec.PCMU, Codec.PCMA}, TELEPHONE_EVENT_PT, direction);
    }

    static String answer(
        final InetSocketAddress local,
        final long sessionId,
        final long version,
        final Codec codec,
        final int telephoneEventPt,
        final String direction)
    {
        return build(local, sessionId, version, new Codec[]{codec}, telephoneEventPt, direction);
    }

    private static String build(
        final InetSocketAddress local,
        final long sessionId,
        final long version,
        final Codec[] codecs,
        final int telephoneEventPt,
        final String direction)
    {
        try
        {
            final String host = local.getAddress().getHostAddress();
            final String addressType = host.indexOf(':') >= 0 ? "IP6" : "IP4";
            final SessionDescription sd = FACTORY.createSessionDescription();
            sd.setOrigin(FACTORY.createOrigin("dialer", sessionId, version, "IN", addressType, host));
            sd.setSessionName(FACTORY.createSessionName("dialer"));
            sd.setConnection(FACTORY.createConnection("IN", addressType, host));

            final int formatCount = codecs.length + (telephoneEventPt >= 0 ? 1 : 0);
            final String[] formats = new String[formatCount];
            for (int i = 0; i < codecs.length; i++)
            {
                formats[i] = Integer.toString(codecs[i].payloadType());
            }
            if (telephoneEventPt >= 0)
            {
                formats[codecs.length] = Integer.toString(telephoneEventPt);
            }
            final MediaDescription md = FACTORY.createMediaDescription(
                "audio", local.getPort(), 1, "RTP/AVP", formats);
            final List<Attribute> attributes = new ArrayList<>();
            for (final Codec codec : codecs)
            {
                attributes.add(FACTORY.createAttribute(
                    "rtpmap", codec.payloadType() + " " + codec.encodingName() + "/8000"));
            }
            if (telephoneEventPt >= 0)
            {
                attributes.add(FACTORY.createAttribute("rtpmap", telephoneEventPt + " telephone-event/8000"));
                attributes.add(FACTORY.createAttribute("fmtp", telephoneEventPt + " 0-16"));
            }
            attributes.add(FACTORY.createAttribute("ptime", "20"));
            attributes.add(FACTORY.createAttribute(direction, null));
            md.setAttributes(new Vector<>(attributes));
            sd.setMediaDescriptions(new Vector<>(List.of(md)));
            return sd.toString();
        }
        catch (final SdpException ex)
        {
            throw new IllegalStateException("cannot build SDP", ex);
        }
    }

    /**
     * Parses the far end's SDP (offer or answer): first audio stream, its codecs in the far end's order among the
     * ones we speak, telephone-event payload type, direction and RTP address.
     *
     * @param text the SDP.
     * @return the description.
     * @throws SdpException when it cannot be parsed or has no audio stream.
     */
    @SuppressWarnings("unchecked")
    static Description parse(final String text) throws SdpException
    {
        final SessionDescription sd = FACTORY.createSessionDescription(text);
        final Description result = new Description();
        final List<MediaDescription> descriptions = sd.getMediaDescriptions(false);
        MediaDescription audio = null;
        if (null != descriptions)
        {
            for (final MediaDescription md : descriptions)
            {
                if ("audio".equalsIgnoreCase(md.getMedia().getMediaType()) && md.getMedia().getMediaPort() != 0)
                {
                    audio = md;
                    break;
                }
            }
        }
        if (null == audio)
        {
            throw new SdpException("no audio stream");
        }

        final String sessionDirection = direction(sd.getAttributes(false));
        final String mediaDirection = direction(audio.getAttributes(false));
        result.direction = null != mediaDirection ? mediaDirection :
            (null != sessionDirection ? sessionDirection : SENDRECV);

        final Connection connection = null != audio.getConnection() ? audio.getConnection() : sd.getConnection();
        if (null == connection)
        {
            throw new SdpException("no connection address");
        }
        final String address = connection.getAddress();
        result.nullAddress = "0.0.0.0".equals(address);
        final Media media = audio.getMedia();
        result.remote = InetSocketAddress.createUnresolved(address, media.getMediaPort());

        final List<Attribute> attributes = audio.getAttributes(false);
        final List<String> formats = media.getMediaFormats(false);
        if (null != formats)
        {
            for (final String format : formats)
            {
                final int pt = parseInt(format.trim());
                final String encoding = rtpmapEncoding(attributes, pt);
                if (null == encoding)
                {
                    final Codec codec = Codec.ofPayloadType(pt);
                    if (null != codec)
                    {
                        result.codecs.add(codec);
                    }
                }
                else if (encoding.regionMatches(true, 0, "telephone-event", 0, 15))
                {
                    if (result.telephoneEventPt < 0)
                    {
                        result.telephoneEventPt = pt;
                    }
                }
                else if (encoding.regionMatches(true, 0, "PCMU/8000", 0, 9))
                {
                    result.codecs.add(Codec.PCMU);
                }
                else if (encoding.regionMatches(true, 0, "PCMA/8000", 0, 9))
                {
                    result.codecs.add(Codec.PCMA);
                }
            }
        }
        return result;
    }

    static InetSocketAddress resolve(final InetSocketAddress unresolved)
    {
        return unresolved.isUnresolved() ?
            new InetSocketAddress(unresolved.getHostString(), unresolved.getPort()) : unresolved;
    }

    private static String rtpmapEncoding(final List<Attribute> attributes, final int pt) throws SdpException
    {
        if (null == attributes)
        {
            return null;
        }
        for (final Attribute attribute : attributes)
        {
            if ("rtpmap".equalsIgnoreCase(attribute.getName()) && null != attribute.getValue())
            {
                final String value = attribute.getValue().trim();
                final int space = value.indexOf(' ');
                if (space > 0 && parseInt(value.substring(0, space)) == pt)
                {
                    return value.substring(space + 1).trim();
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static String direction(final List<Attribute> attributes) throws SdpException
    {
        if (null == attributes)
        {
            return null;
        }
        for (final Attribute attribute : attributes)
        {
            final String name = attribute.getName();
            if (SENDRECV.equalsIgnoreCase(name) || SENDONLY.equalsIgnoreCase(name) ||
                RECVONLY.equalsIgnoreCase(name) || INACTIVE.equalsIgnoreCase(name))
            {
                return name.toLowerCase();
            }
        }
        return null;
    }

    private static int parseInt(final String value)
    {
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }
}
