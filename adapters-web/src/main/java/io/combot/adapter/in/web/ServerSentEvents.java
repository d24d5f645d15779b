package io.combot.adapter.in.web;

import io.combot.domain.model.UserMessage;
import io.combot.domain.port.in.TurnListener;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a turn of the native API to the client as named server-sent events while it happens. The response is only
 * started by the first event, so an error before it (unknown session, bad input, a full queue) is still an ordinary
 * problem response. Once the client has gone away, the turn is told to stop.
 */
final class ServerSentEvents implements TurnListener {
    private final EventStream stream;
    private final JsonMapper json;
    private final ChatWebMapper mapper;

    ServerSentEvents(HttpServletResponse response, JsonMapper json, ChatWebMapper mapper) {
        this.stream = new EventStream(response);
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
        return stream.clientGone();
    }

    boolean started() {
        return stream.started();
    }

    void send(String event, Object data) {
        stream.write("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n");
    }
}
