package io.combot.adapter.in.web;

import io.combot.domain.model.UserMessage;
import io.combot.domain.port.in.TurnListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a turn to the client as server-sent events while it happens. The response is only started by the first
 * event, so an error before it (unknown session, bad input, a full queue) is still an ordinary problem response.
 * A write that fails means the client went away: from then on the turn is told to stop.
 */
final class ServerSentEvents implements TurnListener {
    private final HttpServletResponse response;
    private final JsonMapper json;
    private final ChatWebMapper mapper;
    private OutputStream out;
    private volatile boolean clientGone;

    ServerSentEvents(HttpServletResponse response, JsonMapper json, ChatWebMapper mapper) {
        this.response = response;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void userMessage(UserMessage message) {
        send("message", mapper.toResponse(message));
    }

    @Override
    public void delta(String text) {
        send("delta", Map.of("text", text));
    }

    @Override
    public boolean cancelled() {
        return clientGone;
    }

    boolean started() {
        return out != null;
    }

    synchronized void send(String event, Object data) {
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
            out.write(("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            clientGone = true;
        }
    }
}
