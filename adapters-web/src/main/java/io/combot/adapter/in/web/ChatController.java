package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.CreatedSessionResponse;
import io.combot.adapter.in.web.WebDtos.HistoryResponse;
import io.combot.adapter.in.web.WebDtos.SendMessageRequest;
import io.combot.adapter.in.web.WebDtos.SessionResponse;
import io.combot.adapter.in.web.WebDtos.TurnResponse;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import io.combot.domain.port.in.EndSessionUseCase;
import io.combot.domain.port.in.GetSessionUseCase;
import io.combot.domain.port.in.ReadHistoryQuery;
import io.combot.domain.port.in.ReadHistoryUseCase;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.in.StartSessionUseCase;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The chat API. The caller is the owner that {@link ClientAccess} resolved from the request's client key. */
@RestController
@RequestMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatController {
    private static final String OWNER = ClientAccess.OWNER_ATTRIBUTE;
    private final StartSessionUseCase startSession;
    private final GetSessionUseCase getSession;
    private final EndSessionUseCase endSession;
    private final SendMessageUseCase sendMessage;
    private final ReadHistoryUseCase readHistory;
    private final ChatWebMapper mapper;
    private final JsonMapper json;
    private final ProblemHandler problems;

    ChatController(StartSessionUseCase startSession, GetSessionUseCase getSession, EndSessionUseCase endSession,
                   SendMessageUseCase sendMessage, ReadHistoryUseCase readHistory, ChatWebMapper mapper,
                   JsonMapper json, ProblemHandler problems) {
        this.startSession = startSession;
        this.getSession = getSession;
        this.endSession = endSession;
        this.sendMessage = sendMessage;
        this.readHistory = readHistory;
        this.mapper = mapper;
        this.json = json;
        this.problems = problems;
    }

    @PostMapping
    ResponseEntity<CreatedSessionResponse> start(@RequestAttribute(OWNER) OwnerId caller) {
        ChatSession session = startSession.startSession(new StartSessionCommand(caller));
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + session.id().value()))
                .body(mapper.toCreated(session));
    }

    @GetMapping("/{sessionId}")
    SessionResponse get(@PathVariable String sessionId, @RequestAttribute(OWNER) OwnerId caller) {
        return mapper.toResponse(getSession.getSession(query(sessionId, caller)));
    }

    @DeleteMapping("/{sessionId}")
    ResponseEntity<Void> end(@PathVariable String sessionId, @RequestAttribute(OWNER) OwnerId caller) {
        endSession.endSession(query(sessionId, caller));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{sessionId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    TurnResponse send(@PathVariable String sessionId, @RequestAttribute(OWNER) OwnerId caller,
                      @RequestBody SendMessageRequest request) {
        return mapper.toResponse(sendMessage.sendMessage(command(sessionId, caller, request)));
    }

    /**
     * The same turn as {@link #send}, streamed: a {@code message} event with the classified user message, {@code
     * delta} events as the reply is produced, then {@code done} with the stored turn, or {@code error} with a
     * problem if the turn fails once streaming has begun.
     */
    @PostMapping(path = "/{sessionId}/messages/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void stream(@PathVariable String sessionId, @RequestAttribute(OWNER) OwnerId caller,
                @RequestBody SendMessageRequest request, HttpServletResponse response) {
        SendMessageCommand command = command(sessionId, caller, request);
        ServerSentEvents events = new ServerSentEvents(response, json, mapper);
        try {
            events.send("done", mapper.toResponse(sendMessage.sendMessage(command, events)));
        } catch (RuntimeException e) {
            if (!events.started()) {
                throw e;
            }
            events.send("error", problems.problemFor(e));
        }
    }

    private static SendMessageCommand command(String sessionId, OwnerId caller, SendMessageRequest request) {
        ClientMessageId clientMessageId = request.clientMessageId() == null ? null
                : new ClientMessageId(request.clientMessageId());
        return new SendMessageCommand(sessionId(sessionId), caller, request.content(), clientMessageId);
    }

    @GetMapping("/{sessionId}/messages")
    HistoryResponse history(@PathVariable String sessionId, @RequestAttribute(OWNER) OwnerId caller,
                            @RequestParam(defaultValue = "50") int limit,
                            @RequestParam(required = false) String before) {
        MessageId cursor = before == null ? null : MessageId.parse(before).orElseThrow(
                () -> new InvalidInputException("before must be the id of a message of this session"));
        return mapper.toResponse(readHistory.readHistory(new ReadHistoryQuery(query(sessionId, caller), limit,
                cursor)));
    }

    private static SessionQuery query(String sessionId, OwnerId caller) {
        return new SessionQuery(sessionId(sessionId), caller);
    }

    /** Text that cannot be a session id names no session: answered as for any unknown session. */
    static SessionId sessionId(String text) {
        return SessionId.parse(text).orElseThrow(SessionNotFoundException::new);
    }
}
