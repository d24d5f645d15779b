package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.CircuitState;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.LlmCircuitStatePort;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import io.combot.tools.fakellm.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The wiring picks the responder from the key, says which at start, and the key appears in no log line. */
class LlmConfigurationTest {
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;

    @BeforeEach
    void captureEveryLogEvent() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        events.start();
        root.addAppender(events);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(events);
        root.setLevel(rootLevel);
    }

    @Test
    void withoutAKeyTheOfflineResponderAnswersAndTheLogSaysHowToSwitch() {
        try (AnnotationConfigApplicationContext context = context(TestSettings.withKey(null, TestSettings.NO_SERVER))) {
            GeneratedReply reply = context.getBean(GenerateReplyPort.class).generate(
                    TestSettings.request(Intent.of("question"), "Hello?", List.of()), ReplySink.DISCARD);

            assertThat(reply.route()).isEqualTo(Route.OFFLINE);
            assertThat(context.getBean(LlmCircuitStatePort.class).circuitState()).isEqualTo(CircuitState.NOT_USED);
        }
        assertThat(logLines()).anySatisfy(line -> assertThat(line).contains("offline responder")
                .contains("To use an LLM, set COMBOT_OPENAI_API_KEY"));
    }

    @Test
    void theKeyIsInNoLogLineNorErrorThroughSuccessesAndFailures() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> errors = new ArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(tee);
            System.setErr(tee);
            LlmSettings settings = TestSettings.against(server, Duration.ofSeconds(3), 1, 16,
                    Duration.ofMillis(50), 4000);
            try (AnnotationConfigApplicationContext context = context(settings)) {
                GenerateReplyPort port = context.getBean(GenerateReplyPort.class);
                LoggerFactory.getLogger(getClass()).info("settings: {}", settings);
                assertThat(port.generate(TestSettings.request(Intent.of("question"), "Hi", List.of()), ReplySink.DISCARD)
                        .route()).isEqualTo(Route.LLM);
                for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.TOO_MANY_REQUESTS, Fault.RESET_CONNECTION,
                        Fault.MALFORMED_JSON)) {
                    server.behaviour(FakeLlmBehaviour.defaults().withRetryAfter(Duration.ofMillis(100))
                            .withFault(fault));
                    errors.add(assertThatThrownBy(() -> port.generate(
                            TestSettings.request(Intent.of("question"), "Hi", List.of()), ReplySink.DISCARD))
                            .isInstanceOf(ReplyUnavailableException.class).actual().toString());
                }
                server.behaviour(FakeLlmBehaviour.defaults().withFault(Fault.BREAK_MID_STREAM));
                port.generate(TestSettings.request(Intent.of("question"), "Hi there", List.of()), ReplySink.DISCARD);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(logLines()).hasSizeGreaterThan(10)
                .anySatisfy(line -> assertThat(line).contains("Replies come from the LLM at"))
                .anySatisfy(line -> assertThat(line).contains("apiKey=****"))
                .allSatisfy(line -> assertThat(line).doesNotContain(TestSettings.API_KEY));
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(TestSettings.API_KEY);
        assertThat(errors).hasSize(4).allSatisfy(error -> assertThat(error).doesNotContain(TestSettings.API_KEY));
    }

    private static AnnotationConfigApplicationContext context(LlmSettings settings) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(LlmSettings.class, () -> settings);
        context.register(LlmConfiguration.class);
        context.refresh();
        return context;
    }

    /** Each event as a reader would see it: message, then every cause's class and message. */
    private List<String> logLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events.list) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
