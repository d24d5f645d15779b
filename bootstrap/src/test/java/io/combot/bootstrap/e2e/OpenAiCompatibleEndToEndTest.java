package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import io.combot.bootstrap.CombotServer;
import io.combot.tools.fakellm.FakeLlmBehaviour;
import io.combot.tools.fakellm.FakeOpenAiServer;
import io.combot.tools.fakellm.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible API driven by the official openai-java client, unmodified, pointed at {@code /v1}: models,
 * completions and streams answered by Combot's routing (fast path, safety, the fake upstream LLM), sessions kept
 * across requests with {@code X-Combot-Session-Id}, and errors raised as the client's typed exceptions.
 */
class OpenAiCompatibleEndToEndTest {
    private static final String KEY = "openai-e2e-Kq4r8Zt1";
    /** A second client of the same service, whose sessions the first must not reach. */
    private static final String OTHER_KEY = "openai-e2e-other-Vb7w2Lp9";
    /** A client that spends its whole session quota through the native API. */
    private static final String FULL_KEY = "openai-e2e-full-Hs3n6Qd4";
    private static final int SESSION_QUOTA = 3;
    private static final String MODEL = "combot-default";
    private static final String GREETING = "Hello there!";
    private static final String GREETING_REPLY = "Hello! How can I help you today?";
    private static final String QUESTION = "How do I change the delivery address on my order?";
    private static final String LLM_REPLY = "You can change it under Orders, then Edit address.";
    private static final String CRISIS = "I want to kill myself";
    private static final String SESSION_HEADER = "X-Combot-Session-Id";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    private static FakeOpenAiServer llm;
    private static CombotServer server;
    private static OpenAIClient client;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        llm = FakeOpenAiServer.start();
        llm.behaviour(FakeLlmBehaviour.defaults().withReply(LLM_REPLY));
        server = InProcessService.start(dataDir, Map.of(
                "COMBOT_API_KEYS", "e2e:" + AccessEndToEndTest.sha256(KEY)
                        + ",other:" + AccessEndToEndTest.sha256(OTHER_KEY)
                        + ",full:" + AccessEndToEndTest.sha256(FULL_KEY),
                "COMBOT_MAX_SESSIONS_PER_KEY", Integer.toString(SESSION_QUOTA),
                "COMBOT_RATE_LIMIT_PER_SECOND", "1000",
                "COMBOT_RATE_LIMIT_BURST", "1000",
                "COMBOT_OPENAI_API_KEY", "sk-test-e2e",
                "COMBOT_OPENAI_BASE_URL", llm.baseUrl(),
                "COMBOT_OPENAI_REQUEST_TIMEOUT", "5s"));
        client = client(server, KEY);
        api = new Api(server.port(), KEY);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        llm.close();
    }

    /** No retries: a test sees the first answer, and a 429 is not waited out. */
    private static OpenAIClient client(CombotServer service, String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + service.port() + "/v1")
                .apiKey(key)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static ChatCompletionCreateParams.Builder chat() {
        return ChatCompletionCreateParams.builder().model(MODEL);
    }

    @Test
    void theServingBotIsTheOneModelListedAndRetrieved() {
        List<Model> models = client.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly(MODEL);
        assertThat(models.get(0).ownedBy()).isEqualTo("combot");
        assertThat(models.get(0).created()).isPositive().isLessThanOrEqualTo(Instant.now().getEpochSecond());
        Model retrieved = client.models().retrieve(MODEL);
        assertThat(retrieved.id()).isEqualTo(MODEL);
        assertThat(retrieved.created()).isEqualTo(models.get(0).created());
        NotFoundException unknown = catchThrowableOfType(NotFoundException.class,
                () -> client.models().retrieve("gpt-4o"));
        assertThat(unknown.code()).contains("model_not_found");
    }

    @Test
    void aGreetingIsAnsweredOnTheFastPathWithNoTokens() {
        int llmCalls = llm.calls();

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(chat().addUserMessage(GREETING).build());
        ChatCompletion completion = raw.parse();

        assertThat(completion.id()).startsWith("chatcmpl-");
        assertThat(completion.model()).isEqualTo(MODEL);
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).contains(GREETING_REPLY);
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().totalTokens()).isZero();
        JsonNode combot = combot(completion._additionalProperties());
        assertThat(combot.get("route").asString()).isEqualTo("fast_path");
        assertThat(combot.get("intent").asString()).isEqualTo("greeting");
        assertThat(combot.get("degraded").asBoolean()).isFalse();
        assertThat(raw.headers().values(SESSION_HEADER)).containsExactly(combot.get("sessionId").asString());
        assertThat(llm.calls()).isEqualTo(llmCalls);
    }

    @Test
    void aQuestionIsAnsweredByTheUpstreamLlmWithItsUsage() {
        int llmCalls = llm.calls();

        ChatCompletion completion = client.chat().completions().create(chat().addUserMessage(QUESTION).build());

        assertThat(completion.choices().get(0).message().content()).contains(LLM_REPLY);
        assertThat(combot(completion._additionalProperties()).get("route").asString()).isEqualTo("llm");
        assertThat(completion.usage().orElseThrow().promptTokens()).isPositive();
        assertThat(completion.usage().orElseThrow().completionTokens()).isPositive();
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(
                completion.usage().orElseThrow().promptTokens() + completion.usage().orElseThrow().completionTokens());
        assertThat(llm.calls()).isEqualTo(llmCalls + 1);
    }

    @Test
    void aStreamWithUsageAddsUpToTheReplyAndEndsWithStopAndAUsageChunk() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat()
                .addUserMessage(QUESTION)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build())) {
            stream.stream().forEach(chunks::add);
        }

        String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(text).isEqualTo(LLM_REPLY);
        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
        assertThat(chunks.get(0).choices().get(0).delta().role()).isPresent();
        List<ChatCompletionChunk> withChoices = chunks.stream().filter(chunk -> !chunk.choices().isEmpty()).toList();
        ChatCompletionChunk last = withChoices.get(withChoices.size() - 1);
        assertThat(last.choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(combot(last._additionalProperties()).get("route").asString()).isEqualTo("llm");
        ChatCompletionChunk usage = chunks.get(chunks.size() - 1);
        assertThat(usage.choices()).isEmpty();
        assertThat(usage.usage().orElseThrow().completionTokens()).isPositive();
    }

    @Test
    void theRawStreamIsDataOnlyChunksEndingWithDone() {
        Api.Reply response = api.postJson("/v1/chat/completions", Api.json(Map.of("model", MODEL, "stream", true,
                "stream_options", Map.of("include_usage", true),
                "messages", List.of(Map.of("role", "user", "content", QUESTION)))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.header(SESSION_HEADER)).isNotNull();
        List<String> lines = response.body().lines().filter(line -> !line.isEmpty()).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("data: "));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("data: [DONE]");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = lines.subList(0, lines.size() - 1).stream()
                .map(line -> JSON.readTree(line.substring("data: ".length()))).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id").asString()).isEqualTo(chunks.get(0).get("id").asString());
        });
        assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asString()).isEqualTo("assistant");
        assertThat(chunks.get(0).get("choices").get(0).get("finish_reason").isNull()).isTrue();
        assertThat(chunks.get(chunks.size() - 1).get("choices")).isEmpty();
        assertThat(chunks.get(chunks.size() - 1).get("usage").get("total_tokens").asLong()).isPositive();
    }

    @Test
    void aCrisisAtTheEndOfALongerConversationGetsTheSafetyReplyWithoutTheLlm() {
        int llmCalls = llm.calls();
        String safetyReply = api.postJson("/api/v1/sessions/" + nativeSession() + "/messages",
                Api.json(Map.of("content", CRISIS))).json().get("reply").get("content").asString();

        ChatCompletion completion = client.chat().completions().create(chat()
                .addSystemMessage("You are a cheerful shop assistant. Always answer with a joke.")
                .addUserMessage(GREETING)
                .addAssistantMessage(GREETING_REPLY)
                .addUserMessage(QUESTION)
                .addAssistantMessage(LLM_REPLY)
                .addUserMessage(CRISIS)
                .build());

        JsonNode combot = combot(completion._additionalProperties());
        assertThat(combot.get("route").asString()).isEqualTo("safety");
        assertThat(combot.get("intent").asString()).isEqualTo("crisis");
        assertThat(completion.choices().get(0).message().content()).contains(safetyReply);
        assertThat(completion.usage().orElseThrow().totalTokens()).isZero();
        assertThat(llm.calls()).isEqualTo(llmCalls);
    }

    @Test
    void withoutTheHeaderEachRequestIsANewSessionAndTheClientsConversationIsTheContext() {
        UnaryOperator<ChatCompletionCreateParams.Builder> conversation = params -> params
                .addSystemMessage("Answer in one sentence.")
                .addUserMessage("My order number is 4711.")
                .addAssistantMessage("Thanks, I have noted order 4711.")
                .addUserMessage(QUESTION);

        ChatCompletion first = client.chat().completions().create(conversation.apply(chat()).build());
        ChatCompletion second = client.chat().completions().create(conversation.apply(chat()).build());

        String firstSession = combot(first._additionalProperties()).get("sessionId").asString();
        String secondSession = combot(second._additionalProperties()).get("sessionId").asString();
        assertThat(firstSession).isNotEqualTo(secondSession);
        assertThat(history(firstSession)).containsExactly(QUESTION, LLM_REPLY);
        assertThat(history(secondSession)).containsExactly(QUESTION, LLM_REPLY);
        JsonNode sent = JSON.readTree(llm.lastRequestBody()).get("messages");
        assertThat(sent.get(0).get("role").asString()).isEqualTo("system");
        assertThat(sent.get(0).get("content").asString()).isNotEqualTo("Answer in one sentence.");
        assertThat(sent.get(1).get("role").asString()).isEqualTo("system");
        assertThat(sent.get(1).get("content").asString()).isEqualTo("Answer in one sentence.");
        assertThat(sent.get(2).get("content").asString()).isEqualTo("My order number is 4711.");
        assertThat(sent.get(3).get("content").asString()).isEqualTo("Thanks, I have noted order 4711.");
        assertThat(sent.get(4).get("content").asString()).isEqualTo(QUESTION);
    }

    @Test
    void withTheHeaderTheTurnsOfAResentConversationAccumulateInOneSession() {
        HttpResponseFor<ChatCompletion> first = client.chat().completions().withRawResponse()
                .create(chat().addUserMessage(GREETING).build());
        String session = first.headers().values(SESSION_HEADER).get(0);
        String greetingReply = first.parse().choices().get(0).message().content().orElseThrow();

        ChatCompletion second = client.chat().completions().create(chat()
                .putAdditionalHeader(SESSION_HEADER, session)
                .addUserMessage(GREETING)
                .addAssistantMessage(greetingReply)
                .addUserMessage(QUESTION)
                .build());
        ChatCompletion third = client.chat().completions().create(chat()
                .putAdditionalHeader(SESSION_HEADER, session)
                .addUserMessage(GREETING)
                .addAssistantMessage(greetingReply)
                .addUserMessage(QUESTION)
                .addAssistantMessage(second.choices().get(0).message().content().orElseThrow())
                .addUserMessage("Thank you!")
                .build());

        assertThat(combot(second._additionalProperties()).get("sessionId").asString()).isEqualTo(session);
        assertThat(combot(third._additionalProperties()).get("sessionId").asString()).isEqualTo(session);
        assertThat(history(session)).containsExactly(GREETING, greetingReply, QUESTION, LLM_REPLY, "Thank you!",
                third.choices().get(0).message().content().orElseThrow());
        // The LLM read the session's stored history, each earlier message once.
        String sent = JSON.readTree(llm.lastRequestBody()).get("messages").toString();
        assertThat((sent.length() - sent.replace(GREETING_REPLY, "").length()) / GREETING_REPLY.length())
                .isEqualTo(1);
    }

    @Test
    void anUnknownSessionOrAnotherKeysSessionInTheHeaderIsNotFoundAndLeftAlone() {
        NotFoundException unknown = catchThrowableOfType(NotFoundException.class, () -> client.chat().completions()
                .create(chat().putAdditionalHeader(SESSION_HEADER, "no-such-session").addUserMessage(GREETING)
                        .build()));
        Api otherApi = new Api(server.port(), OTHER_KEY);
        String othersNative = otherApi.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
        OpenAIClient other = client(server, OTHER_KEY);
        String othersCompletion = other.chat().completions().withRawResponse()
                .create(chat().addUserMessage(GREETING).build()).headers().values(SESSION_HEADER).get(0);
        other.close();

        List<NotFoundException> others = List.of(othersNative, othersCompletion).stream()
                .map(session -> catchThrowableOfType(NotFoundException.class, () -> client.chat().completions()
                        .create(chat().putAdditionalHeader(SESSION_HEADER, session).addUserMessage(QUESTION).build())))
                .toList();

        assertThat(unknown.code()).contains("session_not_found");
        assertThat(others).allSatisfy(refused -> {
            assertThat(refused).isNotNull();
            assertThat(refused.code()).contains("session_not_found");
        });
        assertThat(otherApi.get("/api/v1/sessions/" + othersNative + "/messages").json().get("items")).isEmpty();
        assertThat(otherApi.get("/api/v1/sessions/" + othersCompletion + "/messages").json().get("items"))
                .hasSize(2);
    }

    @Test
    void anExpiredSessionInTheHeaderIsGone() throws Exception {
        try (CombotServer shortLived = InProcessService.start(dataDir.resolve("expiring"), Map.of(
                "COMBOT_API_KEYS", "e2e:" + AccessEndToEndTest.sha256(KEY),
                "COMBOT_SESSION_IDLE_TIMEOUT", "1s"))) {
            OpenAIClient expiringClient = client(shortLived, KEY);
            String session = expiringClient.chat().completions().withRawResponse()
                    .create(chat().addUserMessage(GREETING).build()).headers().values(SESSION_HEADER).get(0);
            Instant expiresAt = Instant.parse(new Api(shortLived.port(), KEY).get("/api/v1/sessions/" + session)
                    .json().get("expiresAt").asString());
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 100);

            OpenAIServiceException gone = catchThrowableOfType(OpenAIServiceException.class,
                    () -> expiringClient.chat().completions().create(chat()
                            .putAdditionalHeader(SESSION_HEADER, session).addUserMessage(QUESTION).build()));

            expiringClient.close();
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.code()).contains("session_expired");
            assertThat(gone.type()).contains("invalid_request_error");
        }
    }

    /**
     * OpenAI clients send no session id: each such completion is a session of its own, outside the key's quota, so a
     * client that makes many is never cut off, and a key whose quota is full still gets completions.
     */
    @Test
    void completionsWithoutTheHeaderNeitherSpendTheSessionQuotaNorAreStoppedByIt() {
        for (int i = 0; i < SESSION_QUOTA + 2; i++) {
            ChatCompletion completion = client.chat().completions().create(chat().addUserMessage(GREETING).build());
            assertThat(completion.choices().get(0).message().content()).contains(GREETING_REPLY);
        }
        Api fullApi = new Api(server.port(), FULL_KEY);
        for (int i = 0; i < SESSION_QUOTA; i++) {
            assertThat(fullApi.post("/api/v1/sessions", "application/json", "").status()).isEqualTo(201);
        }

        Api.Reply refused = fullApi.post("/api/v1/sessions", "application/json", "");
        OpenAIClient full = client(server, FULL_KEY);
        ChatCompletion stillAnswered = full.chat().completions().create(chat().addUserMessage(GREETING).build());
        full.close();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("when the key's first session expires")
                .isBetween(3_500L, 3_600L);
        assertThat(refused.json().get("retryAfterSeconds").asLong())
                .isEqualTo(Long.parseLong(refused.header("Retry-After")));
        assertThat(stillAnswered.choices().get(0).message().content()).contains(GREETING_REPLY);
    }

    /** A streamed reply the LLM broke off ends with {@code length}, which clients know as a reply cut short. */
    @Test
    void aStreamTheLlmBreaksOffEndsWithLengthAfterTheTextThatArrived() {
        llm.failNext(Fault.BREAK_MID_STREAM);
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat()
                .addUserMessage(QUESTION).build())) {
            stream.stream().forEach(chunks::add);
        }

        String streamed = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse(""))
                .collect(Collectors.joining());
        ChatCompletionChunk last = chunks.stream().filter(chunk -> !chunk.choices().isEmpty())
                .reduce((first, second) -> second).orElseThrow();
        assertThat(streamed).isNotBlank().isNotEqualTo(LLM_REPLY);
        assertThat(LLM_REPLY).startsWith(streamed.strip());
        assertThat(last.choices().get(0).finishReason()).contains(ChatCompletionChunk.Choice.FinishReason.LENGTH);
        assertThat(combot(last._additionalProperties()).get("degraded").asBoolean()).isTrue();
    }

    @Test
    void requestsCombotCannotHonourAreTypedBadRequests() {
        BadRequestException twoChoices = badRequest(chat().addUserMessage(GREETING).n(2));
        BadRequestException image = badRequest(chat().addUserMessageOfArrayOfContentParts(List.of(
                ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("What is this?")
                        .build()),
                ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                        .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
                                .url("https://example.com/cat.png").build())
                        .build()))));
        BadRequestException noMessages = badRequest(chat().messages(List.of()));
        BadRequestException lastNotUser = badRequest(chat().addUserMessage(GREETING).addAssistantMessage("Hi!"));

        assertThat(twoChoices.param()).contains("n");
        assertThat(image.param()).contains("messages[0].content[1].type");
        assertThat(noMessages.param()).contains("messages");
        assertThat(lastNotUser.param()).contains("messages");
        assertThat(List.of(twoChoices, image, noMessages, lastNotUser)).allSatisfy(e -> {
            assertThat(e.type()).contains("invalid_request_error");
            assertThat(errorMessage(e)).isNotBlank();
        });
    }

    @Test
    void textPartsAndUnknownFieldsAreAccepted() {
        ChatCompletion completion = client.chat().completions().create(chat()
                .addUserMessageOfArrayOfContentParts(List.of(ChatCompletionContentPart.ofText(
                        ChatCompletionContentPartText.builder().text(GREETING).build())))
                .putAdditionalBodyProperty("logprobs", JsonValue.from(false))
                .putAdditionalBodyProperty("some_future_field", JsonValue.from(Map.of("x", 1)))
                .temperature(0.2)
                .maxCompletionTokens(50)
                .user("user-42")
                .build());

        assertThat(completion.choices().get(0).message().content()).contains(GREETING_REPLY);
    }

    @Test
    void anUnknownKeyIsUnauthorizedAndAnOversizedBodyTooLargeInOpenAisShape() {
        OpenAIClient stranger = client(server, "not-a-key");
        try {
            UnauthorizedException refused = catchThrowableOfType(UnauthorizedException.class,
                    () -> stranger.models().list());
            assertThat(refused.code()).contains("invalid_api_key");
            assertThat(refused.headers().values("WWW-Authenticate")).isNotEmpty();
        } finally {
            stranger.close();
        }
        Api.Reply tooLarge = api.postJson("/v1/chat/completions", Api.json(Map.of("model", MODEL,
                "messages", List.of(Map.of("role", "user", "content", "x".repeat(100_000))))));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("error").get("code").asString()).isEqualTo("request_too_large");
        Api.Reply unknownRoute = api.get("/v1/embeddings");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.json().get("error").get("type").asString()).isEqualTo("invalid_request_error");
        // The native API keeps its problem+json.
        Api.Reply nativeRefusal = new Api(server.port(), "not-a-key").post("/api/v1/sessions", "application/json", "");
        assertThat(nativeRefusal.status()).isEqualTo(401);
        assertThat(nativeRefusal.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aSpentRateLimitIsATypedRateLimitErrorWithRetryAfter() throws Exception {
        Path otherData = dataDir.resolve("rate-limited");
        try (CombotServer limited = InProcessService.start(otherData, Map.of(
                "COMBOT_API_KEYS", "e2e:" + AccessEndToEndTest.sha256(KEY),
                "COMBOT_RATE_LIMIT_PER_SECOND", "0.001",
                "COMBOT_RATE_LIMIT_BURST", "2"))) {
            OpenAIClient limitedClient = client(limited, KEY);
            limitedClient.models().list();
            limitedClient.models().list();

            RateLimitException spent = catchThrowableOfType(RateLimitException.class,
                    () -> limitedClient.models().list());

            assertThat(spent.code()).contains("rate_limit_exceeded");
            assertThat(spent.headers().values("Retry-After")).isNotEmpty();
            limitedClient.close();
        }
    }

    @Test
    void twoConversationsAtOnceKeepToTheirOwnSessions() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<String> conversation = () -> {
                String session = null;
                for (String message : List.of(GREETING, QUESTION, "Thank you!")) {
                    ChatCompletionCreateParams.Builder params = chat().addUserMessage(message);
                    if (session != null) {
                        params.putAdditionalHeader(SESSION_HEADER, session);
                    }
                    session = combot(client.chat().completions().create(params.build())._additionalProperties())
                            .get("sessionId").asString();
                }
                return session;
            };
            Future<String> one = threads.submit(conversation);
            Future<String> two = threads.submit(conversation);

            String first = one.get(60, TimeUnit.SECONDS);
            String second = two.get(60, TimeUnit.SECONDS);

            assertThat(first).isNotEqualTo(second);
            assertThat(history(first)).hasSize(6).startsWith(GREETING);
            assertThat(history(second)).hasSize(6).startsWith(GREETING);
        } finally {
            threads.shutdownNow();
        }
    }

    private static BadRequestException badRequest(ChatCompletionCreateParams.Builder params) {
        return catchThrowableOfType(BadRequestException.class,
                () -> client.chat().completions().create(params.build()));
    }

    private static String errorMessage(OpenAIServiceException e) {
        // The client keeps the object under "error" as the exception's body.
        return toJson(e.body()).path("message").asString("");
    }

    private static JsonNode combot(Map<String, JsonValue> additionalProperties) {
        assertThat(additionalProperties).containsKey("combot");
        return toJson(additionalProperties.get("combot"));
    }

    private static JsonNode toJson(JsonValue value) {
        try {
            return JSON.readTree(ObjectMappers.jsonMapper().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nativeSession() {
        return api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
    }

    /** The session's messages, oldest first, through the native API. */
    private static List<String> history(String session) {
        List<String> contents = new ArrayList<>();
        api.get("/api/v1/sessions/" + session + "/messages").json().get("items")
                .forEach(item -> contents.add(item.get("content").asString()));
        return contents;
    }
}
