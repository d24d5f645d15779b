package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A {@code text/event-stream} response, started by its first frame, so that an error before it is still an ordinary
 * error response. A write that fails means the client went away: later frames are dropped, and the turn is told.
 */
final class EventStream {
    private final HttpServletResponse response;
    private OutputStream out;
    private volatile boolean clientGone;

    EventStream(HttpServletResponse response) {
        this.response = response;
    }

    boolean started() {
        return out != null;
    }

    boolean clientGone() {
        return clientGone;
    }

    /** Sets a header, which takes effect only before the first frame. */
    void header(String name, String value) {
        response.setHeader(name, value);
    }

    /** Writes {@code frame} (one or more complete lines, ending with a blank one) and flushes it. */
    synchronized void write(String frame) {
        if (clientGone) {
            return;
        }
        try {
            if (out == null) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                out = response.getOutputStream();
            }
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            clientGone = true;
        }
    }
}
