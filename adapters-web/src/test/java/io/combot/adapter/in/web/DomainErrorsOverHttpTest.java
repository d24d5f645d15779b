package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.error.SessionBusyException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionLimitException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.error.StorageUnavailableException.Kind;
import io.combot.domain.error.UnknownBotException;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.CompleteChatCommand;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.GetSessionUseCase;
import io.combot.domain.port.in.TurnListener;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Every error the domain names, thrown by a use case, as the client reads it: its status, its problem+json on the
 * native API, OpenAI's error shape on {@code /v1/}, and {@code Retry-After} where a retry is invited. Errors that are
 * not the client's (a broken bot, anything unexpected) are a 500 that shows none of their message.
 */
class DomainErrorsOverHttpTest {
    private static final String SERVER_FAILED = "The server failed to handle the request; the error has been logged";
    private static final Instant EXPIRED_AT = Instant.parse("2026-11-26T10:00:00.123Z");

    /** The error the use cases throw in the test running now. */
    private static final AtomicReference<Supplier<RuntimeException>> ERROR = new AtomicReference<>();
    private static final MockMvc MVC = new WebStack()
            .with(GetSessionUseCase.class, query -> {
                throw ERROR.get().get();
            })
            .with(CompleteChatUseCase.class, new CompleteChatUseCase() {
                @Override
                public Turn completeChat(CompleteChatCommand command, TurnListener listener) {
                    throw ERROR.get().get();
                }

                @Override
                public String servingBot() {
                    return "test-bot";
                }
            })
            .mvc();

    /**
     * @param detail     the problem's detail, which is the exception's message unless the message must not be shown
     * @param retryAfter the {@code Retry-After} seconds, or null when none is sent
     * @param openAiCode the {@code code} of OpenAI's error shape
     */
    record Case(String name, Supplier<RuntimeException> error, int status, String title, String detail,
                String retryAfter, String openAiType, String openAiCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> errors() {
        return Stream.of(
                new Case("InvalidInputException", () -> new InvalidInputException("limit must be between 1 and 200"),
                        400, "Bad Request", "limit must be between 1 and 200", null, "invalid_request_error", null),
                new Case("SessionNotFoundException", SessionNotFoundException::new,
                        404, "Not Found", "No session with this id exists", null, "invalid_request_error",
                        "session_not_found"),
                new Case("UnknownBotException", () -> new UnknownBotException("gpt-4", "test-bot"),
                        404, "Not Found", "The bot 'gpt-4' does not exist; the bot serving here is 'test-bot'", null,
                        "invalid_request_error", "model_not_found"),
                new Case("SessionExpiredException", () -> new SessionExpiredException(EXPIRED_AT),
                        410, "Gone", "The session expired at " + EXPIRED_AT + " after being idle; start a new session",
                        null, "invalid_request_error", "session_expired"),
                new Case("SessionBusyException", SessionBusyException::new,
                        409, "Conflict", new SessionBusyException().getMessage(), null, "invalid_request_error",
                        "session_busy"),
                new Case("ConcurrentTurnException", () -> new ConcurrentTurnException("Another turn was stored first"),
                        409, "Conflict", "Another turn was stored first", null, "invalid_request_error",
                        "session_busy"),
                // Every 429 says when to come back: here when the key's first session expires.
                new Case("SessionLimitException", () -> new SessionLimitException(3, Duration.ofSeconds(90)),
                        429, "Too Many Requests", new SessionLimitException(3, Duration.ZERO).getMessage(), "90",
                        "requests", "session_limit_exceeded"),
                // 1.2 s is rounded up: a client told 1 s would come back too early.
                new Case("CapacityExceededException",
                        () -> new CapacityExceededException("The classifier queue is full", Duration.ofMillis(1_200)),
                        503, "Service Unavailable", "The classifier queue is full", "2", "server_error", "overloaded"),
                new Case("ReplyUnavailableException",
                        () -> new ReplyUnavailableException("circuit open", new IllegalStateException("secret cause")),
                        503, "Service Unavailable", "No reply could be generated", null, "server_error", "overloaded"),
                // The database's code is shown; its own message (file names, hosts) is not.
                new Case("StorageUnavailableException", () -> new StorageUnavailableException(Kind.FULL,
                        "SQLITE_FULL", new SQLException("/var/lib/combot/combot.db: disk full")),
                        503, "Service Unavailable", "Storage is full (SQLITE_FULL); nothing was stored", "2",
                        "server_error", "storage_unavailable"),
                new Case("InvalidBotException", () -> new InvalidBotException("bot.yaml line 3: secret detail"),
                        500, "Internal Server Error", SERVER_FAILED, null, "server_error", null),
                new Case("an unexpected exception", () -> new IllegalStateException("password=hunter2"),
                        500, "Internal Server Error", SERVER_FAILED, null, "server_error", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void theNativeApiAnswersEachErrorAsProblemJson(Case error) throws Exception {
        ERROR.set(error.error());

        MockHttpServletResponse response = MVC.perform(get("/api/v1/sessions/" + SessionId.random().value()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(error.status());
        assertThat(response.getHeader("Retry-After")).isEqualTo(error.retryAfter());
        JsonNode problem = WebStack.problem(response);
        // No "type" member but for storage faults: RFC 9457 reads its absence as "about:blank", a problem that is
        // just its status; a storage fault says what is down, so that nobody takes it for load.
        boolean storage = error.name().equals("StorageUnavailableException");
        assertThat(problem.path("type").asString(null))
                .isEqualTo(storage ? "urn:combot:problem:storage-unavailable" : null);
        assertThat(problem.path("cause").asString(null)).isEqualTo(storage ? "full" : null);
        assertThat(problem.get("title").asString()).isEqualTo(error.title());
        assertThat(problem.get("detail").asString()).isEqualTo(error.detail());
        assertThat(problem.path("retryAfterSeconds").asString(null)).isEqualTo(error.retryAfter());
        assertThat(problem.path("expiredAt").asString(null))
                .isEqualTo(error.status() == 410 ? EXPIRED_AT.toString() : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void theOpenAiApiAnswersEachErrorInOpenAisShape(Case error) throws Exception {
        ERROR.set(error.error());

        MockHttpServletResponse response = MVC.perform(post("/v1/chat/completions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model\": \"test-bot\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(error.status());
        assertThat(response.getHeader("Retry-After")).isEqualTo(error.retryAfter());
        JsonNode body = WebStack.openAiError(response);
        assertThat(body.get("message").asString()).isEqualTo(error.detail());
        assertThat(body.get("type").asString()).isEqualTo(error.openAiType());
        assertThat(body.get("code").asString(null)).isEqualTo(error.openAiCode());
        assertThat(body.get("param").asString(null))
                .isEqualTo("model_not_found".equals(error.openAiCode()) ? "model" : null);
    }
}
