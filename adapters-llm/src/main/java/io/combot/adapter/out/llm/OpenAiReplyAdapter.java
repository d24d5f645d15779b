package io.combot.adapter.out.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.CircuitState;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.ReplyOptions;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Role;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.port.out.GenerateReplyPort;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies from any OpenAI-compatible chat-completions server through the official client: streamed when the receiver
 * streams, else as one completion (one response to parse instead of one per token). A stream is retried only until
 * its first piece of text; after that a failure ends the reply early, incomplete.
 */
final class OpenAiReplyAdapter implements GenerateReplyPort, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenAiReplyAdapter.class);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(2);
    /** OkHttp's own default, which the client requires to be set together with the idle connection count. */
    private static final Duration IDLE_CONNECTION_LIFETIME = Duration.ofMinutes(5);
    /** Loading the client's classes on a busy machine took seconds; the canned replies need no network. */
    private static final Duration CANNED_TIMEOUT = Duration.ofSeconds(20);

    enum Ending { FINISHED, CANCELLED, BROKEN }

    /** How one attempt at a stream ended and what it had produced by then. */
    record StreamOutcome(String text, TokenUsage usage, Ending ending) {
    }

    private final LlmSettings settings;
    private final PromptAssembler prompts;
    private final LlmResilience resilience;
    private final OpenAIClient client;

    OpenAiReplyAdapter(LlmSettings settings) {
        this.settings = settings;
        this.prompts = new PromptAssembler(settings.contextBudgetChars());
        this.resilience = resilience(settings);
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                // LlmResilience retries; a second layer inside the client would multiply the attempts.
                .maxRetries(0)
                // One idle connection per LLM slot (OkHttp keeps 5): a burst does not close and reopen connections.
                .maxIdleConnections(settings.maxConcurrentCalls())
                .keepAliveDuration(IDLE_CONNECTION_LIFETIME)
                .timeout(timeout(settings.requestTimeout()))
                .build();
    }

    @Override
    public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
        ChatCompletionCreateParams params = params(prompts.assemble(request), request.options());
        Deadline deadline = Deadline.after(settings.requestTimeout());
        StreamOutcome outcome = sink.streaming()
                ? resilience.call(deadline, () -> stream(client, params, sink, deadline))
                : resilience.call(deadline, () -> complete(client, params, sink, deadline));
        if (outcome.text().isBlank()) {
            throw new ReplyUnavailableException(outcome.ending() == Ending.CANCELLED
                    ? "The receiver went away before the LLM sent any text"
                    : "The LLM sent an empty reply", null);
        }
        return new GeneratedReply(outcome.text(), Route.LLM, outcome.usage(), outcome.ending() == Ending.FINISHED);
    }

    private static LlmResilience resilience(LlmSettings settings) {
        return new LlmResilience(settings,
                result -> result instanceof StreamOutcome outcome && outcome.ending() == Ending.BROKEN);
    }

    /**
     * Runs the client's code once before the first reply, which otherwise spends about a second loading classes
     * (Kotlin, Jackson, OkHttp, the stream's parser) while it holds an LLM slot: a burst of users just after start
     * then found every slot busy and got 503. Costs no tokens: a reply with a conversation and instructions is asked
     * whole and streamed from a canned stand-in on loopback, and the server is only asked for its model list, which
     * also tells the operator at start whether the URL and key work.
     */
    void warmUp() {
        PromptAssembler.Prompt sample = new PromptAssembler.Prompt("You are helpful.", List.of("Be brief."),
                List.of(new ContextEntry(Role.USER, "Hi"), new ContextEntry(Role.ASSISTANT, "Hello.")), "Thanks");
        ChatCompletionCreateParams params = params(sample, ReplyOptions.DEFAULT);
        try (CannedLlmServer canned = CannedLlmServer.start()) {
            OpenAIClient local = OpenAIOkHttpClient.builder().baseUrl(canned.baseUrl()).apiKey("warm-up")
                    .maxRetries(0).timeout(timeout(CANNED_TIMEOUT)).build();
            try {
                Deadline deadline = Deadline.after(CANNED_TIMEOUT);
                // Guards of their own: the service's bulkhead and circuit breaker count no warm-up call.
                LlmResilience guards = resilience(settings);
                guards.call(deadline, () -> complete(local, params, ReplySink.DISCARD, deadline));
                if (guards.call(deadline, () -> stream(local, params, delta -> { }, deadline)).ending()
                        != Ending.FINISHED) {
                    throw new IllegalStateException("the canned stream broke off");
                }
            } finally {
                local.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Warming up the LLM client failed ({}); the first replies may be slow", e.toString());
        }
        try {
            List<String> models = client.models().list(RequestOptions.builder().timeout(timeout(WARM_UP_TIMEOUT))
                    .build()).data().stream().map(Model::id).toList();
            log.info("The LLM server at {} answers and lists {} models; {} is {}", settings.baseUrl(), models.size(),
                    settings.model(), models.contains(settings.model()) ? "one of them" : "not among them");
        } catch (RuntimeException e) {
            log.warn("The LLM server at {} did not list its models at start ({}); replies fall back until it "
                    + "answers", settings.baseUrl(), UpstreamFailures.describe(e));
        }
    }

    CircuitState circuitState() {
        return resilience.circuitState();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Retries made so far, over all calls. */
    long retries() {
        return resilience.retries();
    }

    /** One attempt at the whole reply in one response; any failure throws, so that it may be retried. */
    private StreamOutcome complete(OpenAIClient client, ChatCompletionCreateParams params, ReplySink sink,
                                   Deadline deadline) {
        ChatCompletion completion = client.chat().completions().create(params, options(deadline));
        String text = completion.choices().stream()
                .map(choice -> choice.message().content().orElse(""))
                .collect(Collectors.joining());
        TokenUsage usage = completion.usage()
                .map(used -> new TokenUsage(used.promptTokens(), used.completionTokens()))
                .orElse(TokenUsage.NONE);
        if (!text.isEmpty()) {
            sink.delta(text);
        }
        return new StreamOutcome(text, usage, Ending.FINISHED);
    }

    /** One attempt; it throws (so that it may be retried) only while no text has reached the sink. */
    private StreamOutcome stream(OpenAIClient client, ChatCompletionCreateParams params, ReplySink sink,
                                 Deadline deadline) {
        StringBuilder text = new StringBuilder();
        TokenUsage usage = TokenUsage.NONE;
        ChatCompletionCreateParams streamed = params.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> response =
                     client.chat().completions().createStreaming(streamed, options(deadline))) {
            Iterator<ChatCompletionChunk> chunks = response.stream().iterator();
            while (true) {
                if (sink.cancelled()) {
                    // Leaving the try closes the response, which drops the upstream connection.
                    return new StreamOutcome(text.toString(), usage, Ending.CANCELLED);
                }
                if (!chunks.hasNext()) {
                    return new StreamOutcome(text.toString(), usage, Ending.FINISHED);
                }
                ChatCompletionChunk chunk = chunks.next();
                if (chunk.usage().isPresent()) {
                    usage = new TokenUsage(chunk.usage().get().promptTokens(),
                            chunk.usage().get().completionTokens());
                }
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    String piece = choice.delta().content().orElse("");
                    if (!piece.isEmpty()) {
                        text.append(piece);
                        sink.delta(piece);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (text.length() == 0) {
                throw e;
            }
            log.warn("The LLM stream broke after {} characters ({}); keeping the partial reply", text.length(),
                    UpstreamFailures.describe(e));
            return new StreamOutcome(text.toString(), usage, Ending.BROKEN);
        }
    }

    /** A client's options within the configured ones: its temperature, and no more tokens than configured. */
    private ChatCompletionCreateParams params(PromptAssembler.Prompt prompt, ReplyOptions options) {
        long maxTokens = options.maxOutputTokens() == null ? settings.maxOutputTokens()
                : Math.min(options.maxOutputTokens(), settings.maxOutputTokens());
        ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .temperature(options.temperature() == null ? settings.temperature() : options.temperature())
                .maxCompletionTokens(maxTokens)
                .addSystemMessage(prompt.system());
        // After the bot's prompt, so that they add to it and never replace it.
        prompt.instructions().forEach(builder::addSystemMessage);
        for (ContextEntry entry : prompt.context()) {
            if (entry.role() == Role.USER) {
                builder.addUserMessage(entry.content());
            } else {
                builder.addAssistantMessage(entry.content());
            }
        }
        return builder.addUserMessage(prompt.userContent()).build();
    }

    private RequestOptions options(Deadline deadline) {
        return RequestOptions.builder().timeout(timeout(deadline.remaining())).build();
    }

    /** The whole budget bounds both the call and the wait between two streamed pieces. */
    private Timeout timeout(Duration budget) {
        Duration atLeastOneMilli = budget.isZero() ? Duration.ofMillis(1) : budget;
        return Timeout.builder()
                .connect(settings.connectTimeout())
                .read(atLeastOneMilli)
                .write(atLeastOneMilli)
                .request(atLeastOneMilli)
                .build();
    }
}
