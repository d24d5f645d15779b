package io.combot.tools.fakellm;

/** A way the fake server misbehaves on one request, as a real OpenAI-compatible server sometimes does. */
public enum Fault {
    /** Answers {@code 500} with an OpenAI-style error body. */
    SERVER_ERROR,
    /** Answers {@code 429} with {@code Retry-After} (and {@code retry-after-ms}) from the behaviour. */
    TOO_MANY_REQUESTS,
    /** Answers {@code 200} with a body (or a first stream chunk) that is not valid JSON. */
    MALFORMED_JSON,
    /** Drops the connection before any response byte. */
    RESET_CONNECTION,
    /** Streams half of the reply's tokens, then drops the connection without ending the stream. */
    BREAK_MID_STREAM,
    /** Never answers (until the server stops), so that the client's timeout fires. */
    HANG
}
