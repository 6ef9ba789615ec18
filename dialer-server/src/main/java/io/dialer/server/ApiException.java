/*
 * Dialer server.
 */
package io.dialer.server;

import java.util.List;

/**
 * A request refused: thrown by a route or the pipeline, answered as {@code {"error": …, "details": […]}} with its
 * status. Never carries a stack trace to the client.
 */
public final class ApiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<ErrorDetail> details;
    private final long retryAfterSeconds;

    /**
     * A refusal.
     *
     * @param status            the HTTP status.
     * @param error             what is wrong, for a person.
     * @param details           where, when it applies (may be empty).
     * @param retryAfterSeconds the {@code Retry-After} to send, or 0 for none.
     */
    public ApiException(
        final int status, final String error, final List<ErrorDetail> details, final long retryAfterSeconds)
    {
        super(error, null, false, false);
        this.status = status;
        this.details = List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * 400: the request is malformed (not JSON, a missing parameter).
     *
     * @param error what is wrong.
     * @return the exception.
     */
    public static ApiException badRequest(final String error)
    {
        return new ApiException(400, error, List.of(), 0);
    }

    /**
     * 401: no credentials, or credentials that are not valid.
     *
     * @param error what is wrong.
     * @return the exception.
     */
    public static ApiException unauthorized(final String error)
    {
        return new ApiException(401, error, List.of(), 0);
    }

    /**
     * 403: the credentials are valid but not allowed this (role, CSRF token, origin).
     *
     * @param error what is wrong.
     * @return the exception.
     */
    public static ApiException forbidden(final String error)
    {
        return new ApiException(403, error, List.of(), 0);
    }

    /**
     * 404: no such thing.
     *
     * @param error what is missing.
     * @return the exception.
     */
    public static ApiException notFound(final String error)
    {
        return new ApiException(404, error, List.of(), 0);
    }

    /**
     * 409: the request conflicts with the state (a name taken, a file in use, the last admin).
     *
     * @param error what conflicts.
     * @return the exception.
     */
    public static ApiException conflict(final String error)
    {
        return new ApiException(409, error, List.of(), 0);
    }

    /**
     * 413: the body is larger than allowed.
     *
     * @param limit the limit in bytes.
     * @return the exception.
     */
    public static ApiException tooLarge(final long limit)
    {
        return new ApiException(413, "the body is larger than the limit of " + limit + " bytes", List.of(), 0);
    }

    /**
     * 415: the body's content type is not one the endpoint takes.
     *
     * @param error what is expected.
     * @return the exception.
     */
    public static ApiException unsupportedMediaType(final String error)
    {
        return new ApiException(415, error, List.of(), 0);
    }

    /**
     * 422: the body is well-formed but its content is not valid.
     *
     * @param error   what is wrong.
     * @param details where.
     * @return the exception.
     */
    public static ApiException unprocessable(final String error, final List<ErrorDetail> details)
    {
        return new ApiException(422, error, details, 0);
    }

    /**
     * 429: too many attempts; try again after a while.
     *
     * @param error             what is limited.
     * @param retryAfterSeconds when to try again.
     * @return the exception.
     */
    public static ApiException tooManyRequests(final String error, final long retryAfterSeconds)
    {
        return new ApiException(429, error, List.of(), Math.max(1, retryAfterSeconds));
    }

    /**
     * The HTTP status.
     *
     * @return the status.
     */
    public int status()
    {
        return status;
    }

    /**
     * What is wrong, for a person.
     *
     * @return the message.
     */
    public String error()
    {
        return getMessage();
    }

    /**
     * Where, when it applies.
     *
     * @return the details.
     */
    public List<ErrorDetail> details()
    {
        return details;
    }

    /**
     * The {@code Retry-After} seconds to send.
     *
     * @return the seconds, or 0 for none.
     */
    public long retryAfterSeconds()
    {
        return retryAfterSeconds;
    }
}
