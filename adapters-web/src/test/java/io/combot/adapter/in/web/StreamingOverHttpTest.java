package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Route;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.CompleteChatCommand;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.TestTurns;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The framing of streamed replies, byte for byte as a client parses it: the native API's named server-sent events
 * ({@link ServerSentEvents}) and the OpenAI-compatible stream of data-only chunks ending with {@code data: [DONE]}
 * ({@link ChatCompletionChunks}), both over {@link EventStream}. The echo generator streams its reply in two deltas.
 */
class StreamingOverHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUESTION = "what is the price?";

    /** One server-sent event: its name (null for a data-only event) and its data line. */
    record Frame(String event, String data) {
        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    @Test
    void aNativeTurnIsTheMessageTheDeltasAndTheStoredTurnAsNamedEvents() throws Exception {
        WebStack stack = new WebStack();
        MockMvc mvc = stack.mvc();
        String session = mvc.perform(post("/api/v1/sessions")).andReturn().getResponse().getHeader("Location");

        MockHttpServletResponse response = mvc.perform(post(session + "/messages/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .content("{\"content\": \"" + QUESTION + "\"}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/event-stream;charset=UTF-8");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        List<Frame> frames = frames(response);
        assertThat(frames).extracting(Frame::event).containsExactly("message", "delta", "delta", "done");
        assertThat(frames.get(0).json().get("content").asString()).isEqualTo(QUESTION);
        assertThat(frames.get(0).json().get("intent").asString()).isEqualTo("question");
        assertThat(frames.get(1).data()).isEqualTo("{\"text\":\"You said: \"}");
        assertThat(frames.get(2).data()).isEqualTo("{\"text\":\"" + QUESTION + "\"}");
        JsonNode done = frames.get(3).json();
        assertThat(done.get("userMessage").get("id").asString()).isEqualTo(frames.get(0).json().get("id").asString());
        assertThat(done.get("reply").get("content").asString()).isEqualTo("You said: " + QUESTION);
        assertThat(stack.store.loadHistory(SessionId.parse(session.substring(
                session.lastIndexOf('/') + 1)).orElseThrow(), 10, Optional.empty()).items())
                .as("the streamed turn is stored").hasSize(2);
    }

    @Test
    void aNativeErrorBeforeTheFirstEventIsAnOrdinaryProblem() throws Exception {
        MockMvc mvc = new WebStack().mvc();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/sessions/"
                        + SessionId.random().value() + "/messages/stream")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .content("{\"content\": \"" + QUESTION + "\"}")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(WebStack.problem(response).get("detail").asString())
                .isEqualTo("No session with this id exists");
    }

    @Test
    void aNativeErrorOnceStreamingIsTheLastEventAProblem() throws Exception {
        Turn turn = TestTurns.turn(TestTurns.newSession(OwnerId.ANONYMOUS), QUESTION, null);
        SendMessageUseCase failsMidway = (command, listener) -> {
            listener.userMessage(turn.userMessage());
            throw new CapacityExceededException("The LLM slots are full", Duration.ofSeconds(3));
        };
        MockMvc mvc = new WebStack().with(SendMessageUseCase.class, failsMidway).mvc();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/sessions/" + turn.userMessage().sessionId()
                        .value() + "/messages/stream")
                .contentType(MediaType.APPLICATION_JSON).content("{\"content\": \"" + QUESTION + "\"}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as("the stream had begun").isEqualTo(200);
        List<Frame> frames = frames(response);
        assertThat(frames).extracting(Frame::event).containsExactly("message", "error");
        JsonNode problem = frames.get(1).json();
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).isEqualTo("The LLM slots are full");
        assertThat(problem.get("retryAfterSeconds").asInt()).isEqualTo(3);
    }

    @Test
    void anOpenAiStreamIsDataOnlyChunksEndingWithDone() throws Exception {
        WebStack stack = new WebStack();
        MockMvc mvc = stack.mvc();

        MockHttpServletResponse response = mvc.perform(post("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"model\": \"test-bot\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/event-stream;charset=UTF-8");
        assertThat(response.getContentAsString()).endsWith("\n\ndata: [DONE]\n\n");
        List<Frame> frames = frames(response);
        assertThat(frames).extracting(Frame::event).containsOnlyNulls();
        List<JsonNode> chunks = frames.subList(0, frames.size() - 1).stream().map(Frame::json).toList();
        assertThat(chunks).hasSize(5).allSatisfy(chunk -> {
            assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id").asString()).isEqualTo(chunks.get(0).get("id").asString()).startsWith("chatcmpl-");
            assertThat(chunk.get("model").asString()).isEqualTo("test-bot");
        });
        assertThat(chunks.get(0).at("/choices/0/delta/role").asString()).isEqualTo("assistant");
        assertThat(chunks.get(1).at("/choices/0/delta/content").asString()).isEqualTo("You said: ");
        assertThat(chunks.get(2).at("/choices/0/delta/content").asString()).isEqualTo(QUESTION);
        assertThat(chunks.get(3).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
        assertThat(chunks.get(3).at("/combot/route").asString()).isEqualTo("llm");
        assertThat(chunks.get(4).get("choices")).as("the usage chunk has no choices").isEmpty();
        assertThat(chunks.get(4).at("/usage/completion_tokens").asInt()).isPositive();
        assertThat(response.getHeader(OpenAiCompatibleController.SESSION_HEADER))
                .isEqualTo(chunks.get(3).at("/combot/sessionId").asString());
    }

    /** A reply the LLM broke off ends with length, which OpenAI clients read as cut short; a fallback with stop. */
    @ParameterizedTest
    @CsvSource({"LLM, length", "FALLBACK, stop"})
    void aDegradedReplyEndsWithLengthOnlyWhenTheLlmBrokeOff(Route route, String finishReason) throws Exception {
        Turn whole = TestTurns.turn(TestTurns.newSession(OwnerId.ANONYMOUS), QUESTION, null);
        AssistantMessage reply = whole.reply();
        Turn degraded = new Turn(whole.userMessage(), new AssistantMessage(reply.id(), reply.sessionId(),
                reply.sequence(), "Half a sen", reply.createdAt(), route, true, reply.usage()));
        CompleteChatUseCase cutOff = new CompleteChatUseCase() {
            @Override
            public Turn completeChat(CompleteChatCommand command, TurnListener listener) {
                listener.userMessage(degraded.userMessage());
                listener.delta(degraded.reply().content());
                return degraded;
            }

            @Override
            public String servingBot() {
                return "test-bot";
            }
        };
        MockMvc mvc = new WebStack().with(CompleteChatUseCase.class, cutOff).mvc();

        MockHttpServletResponse streamed = mvc.perform(post("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"model\": \"test-bot\", \"stream\": true,"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}"))
                .andReturn().getResponse();
        MockHttpServletResponse completion = mvc.perform(post("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"model\": \"test-bot\","
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}"))
                .andReturn().getResponse();

        List<Frame> frames = frames(streamed);
        JsonNode finish = frames.get(frames.size() - 2).json();
        assertThat(finish.at("/choices/0/finish_reason").asString()).isEqualTo(finishReason);
        assertThat(finish.at("/combot/degraded").asBoolean()).isTrue();
        assertThat(JSON.readTree(completion.getContentAsString()).at("/choices/0/finish_reason").asString())
                .isEqualTo(finishReason);
    }

    @Test
    void anOpenAiErrorOnceStreamingIsAnErrorChunkThenDone() throws Exception {
        ChatSession session = TestTurns.newSession(OwnerId.ANONYMOUS);
        Turn turn = TestTurns.turn(session, QUESTION, null);
        CompleteChatUseCase failsMidway = new CompleteChatUseCase() {
            @Override
            public Turn completeChat(CompleteChatCommand command, TurnListener listener) {
                listener.userMessage(turn.userMessage());
                listener.delta("You said");
                throw new IllegalStateException("a bug with a secret in it");
            }

            @Override
            public String servingBot() {
                return "test-bot";
            }
        };
        MockMvc mvc = new WebStack().with(CompleteChatUseCase.class, failsMidway).mvc();

        MockHttpServletResponse response = mvc.perform(post("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"model\": \"test-bot\", \"stream\": true,"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}"))
                .andReturn().getResponse();

        List<Frame> frames = frames(response);
        assertThat(frames).extracting(Frame::data).last().isEqualTo("[DONE]");
        assertThat(frames).hasSize(4);
        JsonNode error = frames.get(2).json().get("error");
        assertThat(error.get("type").asString()).isEqualTo("server_error");
        assertThat(error.get("message").asString())
                .isEqualTo("The server failed to handle the request; the error has been logged");
    }

    /**
     * The body as server-sent events: every event ends with a blank line, and each holds at most an {@code event:}
     * line and one {@code data:} line (the JSON is written on one line).
     */
    private static List<Frame> frames(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        assertThat(body).as("the stream ends with a complete event").endsWith("\n\n");
        return Arrays.stream(body.substring(0, body.length() - 2).split("\n\n")).map(event -> {
            String[] lines = event.split("\n");
            assertThat(lines.length).as("lines of %s", event).isBetween(1, 2);
            String data = lines[lines.length - 1];
            assertThat(data).startsWith("data: ");
            String name = null;
            if (lines.length == 2) {
                assertThat(lines[0]).startsWith("event: ");
                name = lines[0].substring("event: ".length());
            }
            return new Frame(name, data.substring("data: ".length()));
        }).toList();
    }
}
