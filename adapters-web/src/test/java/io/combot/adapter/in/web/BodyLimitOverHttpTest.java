package io.combot.adapter.in.web;

import static io.combot.adapter.in.web.WebStack.MAX_BODY_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BodyLimitFilter}: a body one byte over the limit is refused with 413 in the path's error shape before it is
 * parsed, and nothing is stored; a body at the limit is served whole; a body with no declared length (chunked) is
 * counted as it is read.
 */
class BodyLimitOverHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOO_LARGE = "The request body is larger than the limit of " + MAX_BODY_BYTES + " bytes";

    private final WebStack stack = new WebStack();
    private final MockMvc mvc = stack.mvc();

    @Test
    void aMessageOneByteOverTheLimitIs413AndNothingIsStored() throws Exception {
        String session = mvc.perform(post("/api/v1/sessions")).andReturn().getResponse().getHeader("Location");
        int writes = stack.store.writeCount();

        MockHttpServletResponse response = mvc.perform(post(session + "/messages")
                .contentType(MediaType.APPLICATION_JSON).content(sized(MAX_BODY_BYTES + 1, "content")))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        JsonNode problem = WebStack.problem(response);
        assertThat(problem.get("title").asString()).isEqualTo("Content Too Large");
        assertThat(problem.get("detail").asString()).isEqualTo(TOO_LARGE);
        assertThat(problem.get("instance").asString()).isEqualTo(session + "/messages");
        assertThat(stack.store.writeCount()).isEqualTo(writes);
        assertThat(stack.generator.requests()).isEmpty();
    }

    @Test
    void aBodyExactlyAtTheLimitIsServedWhole() throws Exception {
        byte[] body = sized(MAX_BODY_BYTES, "text");

        MockHttpServletResponse response = mvc.perform(post("/api/v1/classify")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(response.getContentAsString()).get("modelVersion").asString())
                .isEqualTo("keywords-test-double");
    }

    @Test
    void onTheOpenAiPathsThe413IsOpenAisRequestTooLarge() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON).content(new byte[MAX_BODY_BYTES + 1]))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(413);
        JsonNode error = WebStack.openAiError(response);
        assertThat(error.get("message").asString()).isEqualTo(TOO_LARGE);
        assertThat(error.get("code").asString()).isEqualTo("request_too_large");
    }

    @Test
    void aCallerWithoutAKeyHearsOnly401WhateverItsBodySize() throws Exception {
        MockMvc guarded = new WebStack().with(new AccessSettings(List.of(new AccessSettings.ClientKey("alice",
                SecretDigests.sha256("alice-secret-key-0001"))), 1_000, 1_000)).mvc();

        assertThat(guarded.perform(post("/api/v1/classify").contentType(MediaType.APPLICATION_JSON)
                .content(new byte[MAX_BODY_BYTES * 4])).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aBodyOfUndeclaredLengthIsCountedAsItIsRead() throws Exception {
        BodyLimitFilter filter = new BodyLimitFilter(WebStack.WEB);
        MockFilterChain within = new MockFilterChain();
        MockFilterChain over = new MockFilterChain();

        filter.doFilter(chunked(MAX_BODY_BYTES), new MockHttpServletResponse(), within);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(chunked(MAX_BODY_BYTES + 1), refused, over);

        assertThat(within.getRequest().getInputStream().readAllBytes()).hasSize(MAX_BODY_BYTES);
        assertThat(within.getRequest().getContentLengthLong()).isEqualTo(MAX_BODY_BYTES);
        assertThat(over.getRequest()).as("the chain never ran").isNull();
        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(WebStack.problem(refused).get("detail").asString()).isEqualTo(TOO_LARGE);
    }

    /** A request whose body arrives chunked: no length is declared. */
    private static MockHttpServletRequest chunked(int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/classify") {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setServletPath("/api/v1/classify");
        request.setContent(new byte[size]);
        return request;
    }

    /** A JSON object of exactly {@code size} bytes whose one field, {@code field}, holds a run of letters. */
    private static byte[] sized(int size, String field) {
        String frame = "{\"" + field + "\": \"\"}";
        return ("{\"" + field + "\": \"" + "a".repeat(size - frame.length()) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
