package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@link ClientAccess} in front of the controllers: a request without a valid client key is refused with 401
 * before any use case runs, whatever was wrong with the key, so the answer tells nothing about which keys exist; a
 * valid key names the owner, whose sessions no other key can see (404, not 403: another owner's session is
 * answered as one that does not exist); a spent rate limit is 429 with {@code Retry-After}.
 */
class ClientAccessOverHttpTest {
    private static final String ALICE = "alice-secret-key-0001";
    private static final String BOB = "bob-secret-key-0002";
    private static final String REFUSAL = "A valid client key is required: send it as 'Authorization: Bearer <key>'";

    private final WebStack stack = new WebStack().with(new AccessSettings(List.of(
            new AccessSettings.ClientKey("alice", SecretDigests.sha256(ALICE)),
            new AccessSettings.ClientKey("bob", SecretDigests.sha256(BOB))), 1_000, 1_000));
    private final MockMvc mvc = stack.mvc();

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"", "Bearer", "Bearer  ", "Bearer wrong-key", "Basic YWxpY2U6c2VjcmV0",
            "Bearer alice", "Token " + ALICE})
    void aMissingOrWrongKeyIs401WithTheSameProblemAndNothingHappens(String authorization) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/sessions");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }

        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"combot\"");
        JsonNode problem = WebStack.problem(response);
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("detail").asString()).isEqualTo(REFUSAL);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/sessions");
        assertThat(stack.store.writeCount()).as("no session was started").isZero();
    }

    @Test
    void theRightKeyPassesAndItsSessionsAreItsOwn() throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/api/v1/sessions").header("Authorization",
                "bearer " + ALICE)).andReturn().getResponse();
        assertThat(created.getStatus()).as("the scheme's case does not matter").isEqualTo(201);
        String path = created.getHeader("Location");

        assertThat(mvc.perform(get(path).header("Authorization", "Bearer " + ALICE)).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        MockHttpServletResponse othersSession = mvc.perform(get(path).header("Authorization", "Bearer " + BOB))
                .andReturn().getResponse();
        assertThat(othersSession.getStatus()).isEqualTo(404);
        assertThat(WebStack.problem(othersSession).get("detail").asString())
                .isEqualTo("No session with this id exists");
    }

    @Test
    void onTheOpenAiPathsTheRefusalIsOpenAisInvalidApiKey() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/v1/models").header("Authorization", "Bearer nope"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(401);
        JsonNode error = WebStack.openAiError(response);
        assertThat(error.get("message").asString()).isEqualTo(REFUSAL);
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void theOpenPathsNeedNoKeyButTheirNeighboursDo() throws Exception {
        assertThat(mvc.perform(get("/health/live")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/openapi.json")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/status")).andReturn().getResponse().getStatus()).isEqualTo(200);
        // "/" opens the home page only, "/status" the page only: the API under them stays closed.
        assertThat(mvc.perform(get("/api/v1/status")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/status/x")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aKeyOverItsRateIs429WithRetryAfterAndOtherKeysGoOn() throws Exception {
        MockMvc limited = new WebStack().with(new AccessSettings(List.of(
                new AccessSettings.ClientKey("alice", SecretDigests.sha256(ALICE)),
                new AccessSettings.ClientKey("bob", SecretDigests.sha256(BOB))), 0.5, 2)).mvc();
        for (int i = 0; i < 2; i++) {
            assertThat(limited.perform(get("/api/v1/status").header("Authorization", "Bearer " + ALICE))
                    .andReturn().getResponse().getStatus()).as("within the burst").isEqualTo(200);
        }

        MockHttpServletResponse refused = limited.perform(get("/api/v1/status")
                .header("Authorization", "Bearer " + ALICE)).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(429);
        // One token every 2 s: the wait is at most that, in whole seconds, rounded up.
        assertThat(refused.getHeader("Retry-After")).isIn("1", "2");
        JsonNode problem = WebStack.problem(refused);
        assertThat(problem.get("retryAfterSeconds").asString()).isEqualTo(refused.getHeader("Retry-After"));
        assertThat(problem.get("detail").asString()).isEqualTo("This key sent more than 0.5 requests a second "
                + "(bursts of 2); retry after " + refused.getHeader("Retry-After") + " s");
        assertThat(limited.perform(get("/api/v1/status").header("Authorization", "Bearer " + BOB))
                .andReturn().getResponse().getStatus()).as("each key has its own bucket").isEqualTo(200);
    }
}
