package io.combot.adapter.in.web;

import io.combot.adapter.in.web.OpenAiDtos.AssistantReply;
import io.combot.adapter.in.web.OpenAiDtos.ChatCompletionChunk;
import io.combot.adapter.in.web.OpenAiDtos.ChatCompletionResponse;
import io.combot.adapter.in.web.OpenAiDtos.Choice;
import io.combot.adapter.in.web.OpenAiDtos.ChunkChoice;
import io.combot.adapter.in.web.OpenAiDtos.CombotExtension;
import io.combot.adapter.in.web.OpenAiDtos.Delta;
import io.combot.adapter.in.web.OpenAiDtos.ModelResponse;
import io.combot.adapter.in.web.OpenAiDtos.Usage;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.KnowledgeSources;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import java.util.List;
import org.mapstruct.factory.Mappers;

/**
 * Turns into OpenAI's shapes. Written by hand rather than with MapStruct: almost every field is computed (an id with
 * a prefix, epoch seconds, constants, labels), which would leave a generated mapper all expressions.
 *
 * <p>A completion's id is {@code chatcmpl-} and the id of the turn's user message: a stream must name its id in the
 * first chunk, before the reply, and so its id, exists. The finish reason is {@code length} for a reply the LLM broke
 * off, which OpenAI clients know as a cut-short reply whose text they keep (docs/openai.md says why not an error);
 * {@code stop} otherwise, a reply cut by the token limit included: the reply generator does not tell it apart.
 */
final class OpenAiWebMapper {
    static final String OWNER = "combot";
    private static final String STOP = "stop";
    private static final String LENGTH = "length";
    /** The native API's citation shape, so both APIs show a citation alike. */
    private static final ChatWebMapper CITATIONS = Mappers.getMapper(ChatWebMapper.class);

    private OpenAiWebMapper() {
    }

    static ModelResponse model(String id, long createdEpochSeconds) {
        return new ModelResponse(id, "model", createdEpochSeconds, OWNER);
    }

    static String completionId(UserMessage message) {
        return "chatcmpl-" + message.id().value();
    }

    static long created(UserMessage message) {
        return message.createdAt().getEpochSecond();
    }

    static ChatCompletionResponse completion(Turn turn, String model) {
        UserMessage user = turn.userMessage();
        return new ChatCompletionResponse(completionId(user), "chat.completion", created(user), model,
                List.of(new Choice(0, new AssistantReply("assistant", turn.reply().content(), null), null,
                        finishReason(turn))),
                usage(turn.reply().usage()), extension(turn));
    }

    /** The first chunk: the role, and no text yet. */
    static ChatCompletionChunk roleChunk(UserMessage user, String model) {
        return chunk(user, model, new Delta("assistant", ""), null);
    }

    static ChatCompletionChunk contentChunk(UserMessage user, String model, String text) {
        return chunk(user, model, new Delta(null, text), null);
    }

    /** The chunk that ends the choice, with what Combot made of the turn. */
    static ChatCompletionChunk finishChunk(Turn turn, String model) {
        UserMessage user = turn.userMessage();
        return new ChatCompletionChunk(completionId(user), OpenAiDtos.CHUNK, created(user), model,
                List.of(new ChunkChoice(0, new Delta(null, null), null, finishReason(turn))), null, extension(turn));
    }

    private static String finishReason(Turn turn) {
        return turn.reply().cutOff() ? LENGTH : STOP;
    }

    /** The chunk a client asked for with {@code stream_options.include_usage}: no choices, the usage. */
    static ChatCompletionChunk usageChunk(Turn turn, String model) {
        UserMessage user = turn.userMessage();
        return new ChatCompletionChunk(completionId(user), OpenAiDtos.CHUNK, created(user), model, List.of(),
                usage(turn.reply().usage()), null);
    }

    private static ChatCompletionChunk chunk(UserMessage user, String model, Delta delta, String finishReason) {
        return new ChatCompletionChunk(completionId(user), OpenAiDtos.CHUNK, created(user), model,
                List.of(new ChunkChoice(0, delta, null, finishReason)), null, null);
    }

    /** Fixed replies (fast path, safety, offline, fallback) ran no model, so they count no tokens. */
    static Usage usage(TokenUsage usage) {
        return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }

    static CombotExtension extension(Turn turn) {
        UserMessage user = turn.userMessage();
        AssistantMessage reply = turn.reply();
        return new CombotExtension(user.sessionId().value(), user.classification().intent().label(),
                user.classification().confidence(), reply.route().label(), reply.degraded(),
                reply.knowledgeSources().map(KnowledgeSources::grounded).orElse(null),
                reply.knowledgeSources().map(sources -> sources.citations().stream().map(CITATIONS::toResponse)
                        .toList()).orElse(null));
    }
}
