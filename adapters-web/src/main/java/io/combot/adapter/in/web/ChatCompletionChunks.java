package io.combot.adapter.in.web;

import io.combot.adapter.in.web.OpenAiDtos.ErrorResponse;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import io.combot.domain.port.in.TurnListener;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a turn as OpenAI's stream of {@code chat.completion.chunk}s while it happens: the role once the message is
 * classified, the text as it is produced, then the finish, the usage if asked, and {@code data: [DONE]}. The stream
 * starts with the first chunk, so an error before it is an ordinary error response.
 */
final class ChatCompletionChunks implements TurnListener {
    private final EventStream stream;
    private final JsonMapper json;
    private final String model;
    private UserMessage user;

    ChatCompletionChunks(HttpServletResponse response, JsonMapper json, String model) {
        this.stream = new EventStream(response);
        this.json = json;
        this.model = model;
    }

    @Override
    public void userMessage(UserMessage message) {
        user = message;
        stream.header(OpenAiCompatibleController.SESSION_HEADER, message.sessionId().value());
        send(OpenAiWebMapper.roleChunk(message, model));
    }

    @Override
    public void delta(String text) {
        send(OpenAiWebMapper.contentChunk(user, model, text));
    }

    @Override
    public boolean cancelled() {
        return stream.clientGone();
    }

    boolean started() {
        return stream.started();
    }

    void finish(Turn turn, boolean includeUsage) {
        send(OpenAiWebMapper.finishChunk(turn, model));
        if (includeUsage) {
            send(OpenAiWebMapper.usageChunk(turn, model));
        }
        done();
    }

    /** An error after the stream began: the client reads it as the stream's last event. */
    void fail(ErrorResponse error) {
        send(error);
        done();
    }

    private void done() {
        stream.write("data: [DONE]\n\n");
    }

    private void send(Object data) {
        stream.write("data: " + json.writeValueAsString(data) + "\n\n");
    }
}
