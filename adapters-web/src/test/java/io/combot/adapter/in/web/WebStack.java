package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.application.ChatPolicy;
import io.combot.application.ClassifyTextService;
import io.combot.application.CompleteChatService;
import io.combot.application.FeedbackService;
import io.combot.application.HealthService;
import io.combot.application.HistoryService;
import io.combot.application.SearchKnowledgeService;
import io.combot.application.SendMessageService;
import io.combot.application.SessionService;
import io.combot.application.StatusService;
import io.combot.domain.model.ActivityCounts;
import io.combot.domain.port.in.CheckHealthUseCase;
import io.combot.domain.port.in.ClassifyTextUseCase;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.EndSessionUseCase;
import io.combot.domain.port.in.GetSessionUseCase;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.in.ReadHistoryUseCase;
import io.combot.domain.port.in.ReadStatusUseCase;
import io.combot.domain.port.in.SearchKnowledgeUseCase;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.StartSessionUseCase;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.FixedProcessMemory;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.SettableLlmCircuit;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web adapter as bootstrap assembles it, without a server, a model or a database: {@link WebConfiguration} in a
 * child of a context that holds the use cases, behind the perimeter's head checks ({@link HeadChecks}) and body limit,
 * driven through MockMvc. The use cases are the real application services over the domain's in-memory doubles,
 * unless a test puts its own in place of one.
 */
final class WebStack {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The smallest limit {@link WebSettings} allows, so that a test's oversized body stays small. */
    static final int MAX_BODY_BYTES = 1_024;
    static final WebSettings WEB = new WebSettings(MAX_BODY_BYTES, 64L * MAX_BODY_BYTES);
    static final int MAX_SESSIONS_PER_OWNER = 3;

    final InMemorySessionStore store = new InMemorySessionStore();
    final SwappableBot bot = new SwappableBot(TestBots.keywordBot());
    final EchoReplyGenerator generator = new EchoReplyGenerator();
    private final Map<Class<?>, Object> replaced = new HashMap<>();
    private AccessSettings access = new AccessSettings(List.of(), 1_000, 1_000);

    /** Serves {@code useCase} with {@code implementation} instead of the application's service. */
    <T> WebStack with(Class<T> useCase, T implementation) {
        replaced.put(useCase, implementation);
        return this;
    }

    WebStack with(AccessSettings settings) {
        this.access = settings;
        return this;
    }

    MockMvc mvc() {
        Clock clock = Clock.systemUTC();
        ChatPolicy policy = new ChatPolicy(4_000, Duration.ofHours(1), OptionalDouble.of(0.5), 20, Duration.ofSeconds(1),
                MAX_SESSIONS_PER_OWNER);
        SessionService sessions = new SessionService(store, store, store, clock, policy);
        SendMessageService send = new SendMessageService(store, store, store, bot, generator, clock, policy);

        GenericApplicationContext useCases = new GenericApplicationContext();
        // One use case a bean: the session service serves three, and Spring matches a bean by all its types.
        register(useCases, StartSessionUseCase.class, () -> sessions::startSession);
        register(useCases, GetSessionUseCase.class, () -> sessions::getSession);
        register(useCases, EndSessionUseCase.class, () -> sessions::endSession);
        register(useCases, SendMessageUseCase.class, () -> send);
        register(useCases, ReadHistoryUseCase.class, () -> new HistoryService(store, store, store, clock));
        register(useCases, RateReplyUseCase.class, () -> new FeedbackService(store, store, store, clock));
        register(useCases, CompleteChatUseCase.class,
                () -> new CompleteChatService(bot, sessions, sessions, send, policy));
        register(useCases, ClassifyTextUseCase.class, () -> new ClassifyTextService(bot, policy));
        register(useCases, SearchKnowledgeUseCase.class, () -> new SearchKnowledgeService(bot));
        register(useCases, CheckHealthUseCase.class, () -> new HealthService(List.of()));
        register(useCases, ReadStatusUseCase.class,
                () -> new StatusService(new FixedProcessMemory(), new SettableLlmCircuit(), () -> ActivityCounts.NONE,
                        clock));
        useCases.registerBean(RequestMetricsFilter.class, () -> new RequestMetricsFilter(new SimpleMeterRegistry()));
        useCases.refresh();

        AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
        web.setParent(useCases);
        web.register(WebConfiguration.class);
        web.setServletContext(new MockServletContext());
        web.refresh();
        return MockMvcBuilders.webAppContextSetup(web)
                .addFilters(new HeadChecks(perimeter(access, new AdminSettings(null))), new BodyLimitFilter(WEB))
                .build();
    }

    /** The perimeter as bootstrap builds it, with these access settings and admin token. */
    static Perimeter perimeter(AccessSettings access, AdminSettings admin) {
        return new Perimeter(access, admin, WEB, new AdmissionSettings(8, 8, Duration.ofSeconds(1)),
                Duration.ofSeconds(2), new SimpleMeterRegistry());
    }

    /** The problem+json body of an error answer; its {@code status} member must be the answer's status. */
    static JsonNode problem(MockHttpServletResponse response) throws UnsupportedEncodingException {
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(response.getStatus());
        return problem;
    }

    /** The {@code error} member of an answer in OpenAI's error shape, which is plain JSON. */
    static JsonNode openAiError(MockHttpServletResponse response) throws UnsupportedEncodingException {
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        return JSON.readTree(response.getContentAsString()).get("error");
    }

    private <T> void register(GenericApplicationContext context, Class<T> useCase, Supplier<T> service) {
        Object replacement = replaced.get(useCase);
        context.registerBean(useCase, replacement == null ? service : () -> useCase.cast(replacement));
    }
}
