package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ModelEvaluation;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.in.PurgeExpiredSessionsUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API over MockMvc: {@link AdminConfiguration} and the perimeter's admin-token check ({@link AdminToken}) in
 * front of it, with the API's JSON mapper and problem handler, and doubles for what bootstrap provides.
 */
class AdminApiTest {
    private static final String TOKEN = "admin-token-for-the-web-test";
    private static final ModelEvaluation EVALUATION = new ModelEvaluation(ModelEvaluation.HELDOUT, 10, 0.9, 0.9, 2, 0);

    /** What the doubles do; each test sets what it needs. */
    private static final AtomicInteger PURGED = new AtomicInteger();
    private static final AtomicReference<Function<Boolean, BotReload>> RELOAD = new AtomicReference<>();
    private static final AtomicReference<RuntimeException> CONFIGURATION_ERROR = new AtomicReference<>();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One context for every test: the token is the filter's, not the context's. */
    private static AnnotationConfigWebApplicationContext context;
    private MockMvc mvc;

    @BeforeAll
    static void start() {
        context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(TestWeb.class);
        context.refresh();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @BeforeEach
    void reset() {
        PURGED.set(0);
        CONFIGURATION_ERROR.set(null);
    }

    @Test
    void withoutAConfiguredTokenEveryCallIsRefused() throws Exception {
        admin(null);

        Reply refused = call(authorised(post("/admin/purge")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.detail()).isEqualTo("The admin endpoints are disabled: set COMBOT_ADMIN_TOKEN to enable them");
        assertThat(call(get("/admin/no-such-thing")).status()).isEqualTo(403);
        assertThat(PURGED.get()).as("no purge ran").isZero();
    }

    @Test
    void aMissingTokenIs401AndAWrongOne403BeforeAnyActionOrItsAbsence() throws Exception {
        admin(TOKEN);

        Reply missing = call(post("/admin/purge"));
        Reply wrong = call(post("/admin/purge").header("Authorization", "Bearer wrong-token-of-some-length"));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.response().getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"combot-admin\"");
        assertThat(missing.detail()).isEqualTo("Send Authorization: Bearer <admin token>");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.detail()).isEqualTo("The admin token is not valid");
        assertThat(call(get("/admin/no-such-thing")).status()).isEqualTo(401);
        assertThat(call(get("/admin/review")).status()).as("a controller added later is guarded too").isEqualTo(401);
        assertThat(PURGED.get()).as("no purge ran").isZero();
    }

    @Test
    void anUnknownActionIs404ListingEveryActionTheAddedOneIncluded() throws Exception {
        admin(TOKEN);
        String actions = "there are POST /admin/bot/reload, POST /admin/gc, GET /admin/memory, POST /admin/purge, "
                + "POST /admin/reload, GET /admin/review and POST /admin/settings/reload";

        Reply unknown = call(authorised(post("/admin/nothing")));
        Reply wrongMethod = call(authorised(get("/admin/purge")));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.detail()).isEqualTo("No admin action POST /nothing; " + actions);
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.detail()).isEqualTo("No admin action GET /purge; " + actions);
    }

    @Test
    void purgeMemoryAndGcAnswerWithTheirFigures() throws Exception {
        admin(TOKEN);
        PURGED.set(3);

        Reply purged = call(authorised(post("/admin/purge")));
        Reply memory = call(authorised(get("/admin/memory")));
        Reply collected = call(authorised(post("/admin/gc")));

        assertThat(purged.status()).isEqualTo(200);
        assertThat(purged.body()).isEqualTo("{\"purged\":3}");
        assertThat(memory.status()).isEqualTo(200);
        assertThat(memory.contentType()).isEqualTo("application/json");
        assertThat(memory.body()).isEqualTo("{\"heapUsedBytes\":1,\"residentSetBytes\":-1}");
        assertThat(collected.body()).isEqualTo(memory.body());
    }

    @Test
    void aConfigurationReloadSaysWhatItAppliedOrWhyNothing() throws Exception {
        admin(TOKEN);

        Reply reloaded = call(authorised(post("/admin/settings/reload")));
        Reply byItsOldName = call(authorised(post("/admin/reload")));
        CONFIGURATION_ERROR.set(new IllegalArgumentException("COMBOT_LOG_LEVEL is 'LOUD'"));
        Reply refused = call(authorised(post("/admin/settings/reload")));

        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.body())
                .isEqualTo("{\"applied\":{\"COMBOT_LOG_LEVEL\":\"DEBUG\"},\"restartRequired\":[\"COMBOT_PORT\"]}");
        assertThat(byItsOldName.body()).as("the old name is an alias").isEqualTo(reloaded.body());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.detail()).isEqualTo("COMBOT_LOG_LEVEL is 'LOUD'; nothing was applied");
    }

    @Test
    void aBotReloadSwapsOrSaysWhyNot() throws Exception {
        admin(TOKEN);
        RELOAD.set(force -> reload(true, PromotionGate.check(EVALUATION, null, force)));
        Reply swapped = call(authorised(post("/admin/bot/reload")));
        Reply badForce = call(authorised(post("/admin/bot/reload").param("force", "yes")));
        RELOAD.set(force -> reload(false, new PromotionGate(false, false, "refused: worse", EVALUATION, EVALUATION)));
        Reply refused = call(authorised(post("/admin/bot/reload")));
        RELOAD.set(force -> {
            throw new InvalidBotException("bot.yaml: intents is missing");
        });
        Reply invalid = call(authorised(post("/admin/bot/reload")));
        RELOAD.set(force -> {
            throw new CapacityExceededException("full", Duration.ofMillis(1_500));
        });
        Reply busy = call(authorised(post("/admin/bot/reload")));

        assertThat(swapped.status()).isEqualTo(200);
        assertThat(swapped.json().get("bot").asString()).isEqualTo("faq");
        assertThat(swapped.json().get("modelVersion").asString()).isEqualTo("new");
        assertThat(swapped.json().get("intents").get(0).asString()).isEqualTo("greeting");
        assertThat(swapped.json().get("gate").get("passed").asBoolean()).isTrue();
        assertThat(badForce.status()).isEqualTo(400);
        assertThat(badForce.detail()).isEqualTo("force is true or false, not 'yes'");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.detail()).isEqualTo(
                "The promotion gate refused: worse; the model in use keeps serving (force=true swaps it in anyway)");
        assertThat(refused.json().get("modelVersion").asString()).isEqualTo("old");
        assertThat(refused.json().get("gate").get("passed").asBoolean()).isFalse();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.detail()).isEqualTo("bot.yaml: intents is missing");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.response().getHeader("Retry-After")).isEqualTo("2");
        assertThat(busy.detail()).isEqualTo("The classifier is busy serving traffic, so the new model could not be "
                + "evaluated; the bot in use keeps serving. Try again shortly");
    }

    private record Reply(MockHttpServletResponse response) {
        int status() {
            return response.getStatus();
        }

        String contentType() {
            return response.getContentType();
        }

        String body() throws Exception {
            return response.getContentAsString();
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body());
        }

        String detail() throws Exception {
            return json().get("detail").asString();
        }
    }

    private Reply call(MockHttpServletRequestBuilder request) throws Exception {
        return new Reply(mvc.perform(request).andReturn().getResponse());
    }

    private static BotReload reload(boolean swapped, PromotionGate gate) {
        return new BotReload(swapped, "faq", "new", swapped ? "new" : "old", "old", List.of(new Intent("greeting")),
                gate);
    }

    private static MockHttpServletRequestBuilder authorised(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TOKEN);
    }

    private void admin(String token) {
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(new HeadChecks(WebStack.perimeter(
                new AccessSettings(List.of(), 1_000, 1_000), new AdminSettings(token))))
                .build();
    }

    /** The admin configuration in a Spring MVC context of its own, with what bootstrap's context would hold. */
    @Configuration
    @EnableWebMvc
    @Import(AdminConfiguration.class)
    static class TestWeb implements WebMvcConfigurer {
        @Override
        public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
            builder.withJsonConverter(new JacksonJsonHttpMessageConverter(WebConfiguration.strictJsonMapper()));
        }

        @Bean
        ProblemHandler problemHandler() {
            return new ProblemHandler();
        }

        @Bean
        PurgeExpiredSessionsUseCase purge() {
            return PURGED::get;
        }

        @Bean
        ReloadBotUseCase bots() {
            return force -> RELOAD.get().apply(force);
        }

        @Bean
        MemoryReporter memory() {
            return () -> {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("heapUsedBytes", 1);
                report.put("residentSetBytes", -1);
                return report;
            };
        }

        @Bean
        ConfigurationReloader configuration() {
            return () -> {
                if (CONFIGURATION_ERROR.get() != null) {
                    throw CONFIGURATION_ERROR.get();
                }
                return new ConfigurationReloader.Reloaded(Map.of("COMBOT_LOG_LEVEL", "DEBUG"), List.of("COMBOT_PORT"));
            };
        }

        /** An admin endpoint added later, as the review inbox will be: a controller, nothing more. */
        @Bean
        ReviewController reviewController() {
            return new ReviewController();
        }
    }

    @RestController
    static class ReviewController {
        @GetMapping("/admin/review")
        Map<String, Object> inbox() {
            return Map.of("items", List.of());
        }
    }
}
