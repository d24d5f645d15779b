package io.combot.adapter.in.web;

import io.combot.adapter.in.web.OpenAiDtos.ChatCompletionResponse;
import io.combot.adapter.in.web.OpenAiDtos.ModelListResponse;
import io.combot.adapter.in.web.OpenAiDtos.ModelResponse;
import io.combot.domain.error.UnknownBotException;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.TurnListener;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible API (Models and Chat Completions), so that OpenAI clients and chat UIs talk to Combot. The
 * serving bot is the one model. Each completion is a turn of a Combot session, named by the
 * {@value #SESSION_HEADER} header in and out; errors are in OpenAI's shape ({@link OpenAiErrors}).
 */
@RestController
@RequestMapping(path = "/v1")
class OpenAiCompatibleController {
    static final String SESSION_HEADER = "X-Combot-Session-Id";
    private static final String OWNER = ClientAccess.OWNER_ATTRIBUTE;

    private final CompleteChatUseCase completeChat;
    private final JsonMapper json;
    private final ProblemHandler problems;
    /** The model's {@code created}: when this service started. */
    private final long startedEpochSeconds = Instant.now().getEpochSecond();

    OpenAiCompatibleController(CompleteChatUseCase completeChat, JsonMapper json, ProblemHandler problems) {
        this.completeChat = completeChat;
        this.json = json;
        this.problems = problems;
    }

    @GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelListResponse models() {
        return new ModelListResponse("list",
                List.of(OpenAiWebMapper.model(completeChat.servingBot(), startedEpochSeconds)));
    }

    @GetMapping(path = "/models/{model}", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelResponse model(@PathVariable String model) {
        String serving = completeChat.servingBot();
        if (!serving.equals(model)) {
            throw new UnknownBotException(model, serving);
        }
        return OpenAiWebMapper.model(serving, startedEpochSeconds);
    }

    /**
     * A completion, or with {@code stream: true} a stream of chunks. Without {@value #SESSION_HEADER} a new session
     * is started for the request; the response names the session either way, so that a client can continue it.
     */
    @PostMapping(path = "/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChatCompletionResponse> complete(@RequestAttribute(OWNER) OwnerId caller,
                                                    @RequestHeader(name = SESSION_HEADER, required = false)
                                                    String session,
                                                    @RequestBody byte[] body, HttpServletResponse response) {
        ChatCompletionRequests.Parsed request = ChatCompletionRequests.read(body, caller, sessionId(session));
        String model = request.command().bot();
        if (!request.stream()) {
            Turn turn = completeChat.completeChat(request.command(), TurnListener.NONE);
            return ResponseEntity.ok()
                    .header(SESSION_HEADER, turn.sessionId().value())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(OpenAiWebMapper.completion(turn, model));
        }
        ChatCompletionChunks chunks = new ChatCompletionChunks(response, json, model);
        try {
            chunks.finish(completeChat.completeChat(request.command(), chunks), request.includeUsage());
        } catch (RuntimeException e) {
            if (!chunks.started()) {
                throw e;
            }
            chunks.fail(problems.openAiErrorFor(e));
        }
        // The stream is the response; there is no body for Spring MVC to write.
        return null;
    }

    /** Absent or blank: a new session. Text that cannot be a session id names no session. */
    private static SessionId sessionId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return ChatController.sessionId(header.trim());
    }
}
