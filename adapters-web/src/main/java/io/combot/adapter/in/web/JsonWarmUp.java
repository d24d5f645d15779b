package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.ClassifyRequest;
import io.combot.adapter.in.web.WebDtos.SendMessageRequest;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Route;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes each chat route's JSON once while the service starts, storing nothing: Jackson builds its readers
 * and writers of records by reflection on first use, which the first turn of each route after ready paid for.
 */
final class JsonWarmUp {
    private static final String COMPLETION_REQUEST = """
            {"model": "warm-up", "stream": true, "stream_options": {"include_usage": true}, "temperature": 0.5,
             "max_tokens": 10, "messages": [{"role": "system", "content": "Be brief."},
             {"role": "user", "content": [{"type": "text", "text": "Hi"}]}, {"role": "assistant", "content": "Hello."},
             {"role": "user", "content": "Thanks"}]}""";

    private JsonWarmUp() {
    }

    static void run(JsonMapper json, ChatWebMapper mapper) {
        json.readValue("{\"content\": \"Hi\", \"clientMessageId\": \"warm-up\"}", SendMessageRequest.class);
        json.readValue("{\"text\": \"Hi\"}", ClassifyRequest.class);
        ChatCompletionRequests.read(COMPLETION_REQUEST.getBytes(StandardCharsets.UTF_8), OwnerId.ANONYMOUS, null);
        Turn turn = sampleTurn();
        json.writeValueAsString(mapper.toResponse(turn));
        json.writeValueAsString(mapper.toResponse(turn.userMessage().classification()));
        json.writeValueAsString(OpenAiWebMapper.completion(turn, "warm-up"));
        for (Object chunk : List.of(OpenAiWebMapper.roleChunk(turn.userMessage(), "warm-up"),
                OpenAiWebMapper.contentChunk(turn.userMessage(), "warm-up", "Hello."),
                OpenAiWebMapper.finishChunk(turn, "warm-up"), OpenAiWebMapper.usageChunk(turn, "warm-up"))) {
            json.writeValueAsString(chunk);
        }
    }

    private static Turn sampleTurn() {
        SessionId session = SessionId.random();
        Instant now = Instant.now();
        Intent intent = Intent.of("warm_up");
        UserMessage user = new UserMessage(MessageId.random(), session, 0, "Hi", now,
                new Classification(intent, 1.0, Map.of(intent, 1.0), "warm-up"), null);
        AssistantMessage reply = new AssistantMessage(MessageId.random(), session, 1, "Hello.", now, Route.LLM, false,
                new TokenUsage(1, 1));
        return new Turn(user, reply);
    }
}
