/*
 * Dialer SIP signalling.
 */
package io.dialer.sip;

import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.Locale;

/**
 * Answers a trunk's digest challenge (401/407, MD5, {@code qop=auth}) with the stack's trunk credentials, for an
 * INVITE or a BYE. Our own MD5 ({@link Digest}): JAIN-SIP's helper starts a timer thread per stack.
 */
final class TrunkDigest
{
    private TrunkDigest()
    {
    }

    /**
     * Adds an Authorization (401) or Proxy-Authorization (407) header answering the challenge.
     *
     * @param sip               the stack's dispatcher, for the credentials and header factory.
     * @param request           the request to send again.
     * @param challengeResponse the 401 or 407.
     * @return false when the response carries no challenge or its realm is not the configured one.
     * @throws Exception when the header cannot be built.
     */
    static boolean authorize(final SipDispatcher sip, final Request request, final Response challengeResponse)
        throws Exception
    {
        final boolean proxy = challengeResponse.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        final WWWAuthenticateHeader challenge = (WWWAuthenticateHeader)challengeResponse.getHeader(
            proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        if (null == challenge)
        {
            return false;
        }
        final String realm = challenge.getRealm();
        final SipStack.Context ctx = sip.context;
        if (null != ctx.trunkRealm() && !ctx.trunkRealm().equals(realm))
        {
            return false;
        }
        final AuthorizationHeader authorization = proxy ?
            sip.headerFactory.createProxyAuthorizationHeader("Digest") :
            sip.headerFactory.createAuthorizationHeader("Digest");
        final String uri = request.getRequestURI().toString();
        authorization.setUsername(ctx.trunkUser());
        authorization.setRealm(realm);
        authorization.setNonce(challenge.getNonce());
        authorization.setURI(request.getRequestURI());
        authorization.setAlgorithm("MD5");
        if (null != challenge.getOpaque() && !challenge.getOpaque().isEmpty())
        {
            authorization.setOpaque(challenge.getOpaque());
        }
        String qop = null;
        String cnonce = null;
        if (null != challenge.getQop() && challenge.getQop().toLowerCase(Locale.ROOT).contains("auth"))
        {
            qop = "auth";
            cnonce = DigestNonce.next();
            authorization.setQop(qop);
            authorization.setCNonce(cnonce);
            authorization.setNonceCount(1);
        }
        authorization.setResponse(Digest.response(ctx.trunkUser(), realm, ctx.trunkPassword(),
            request.getMethod(), uri, challenge.getNonce(), qop, "00000001", cnonce));
        request.setHeader(authorization);
        return true;
    }
}
