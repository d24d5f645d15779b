package io.combot.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON shapes of the OpenAI-compatible API (Chat Completions and Models), field names as OpenAI spells them.
 * Requests are read leniently: fields this API does not know are ignored, as OpenAI ignores them.
 */
final class OpenAiDtos {
    static final String CHUNK = "chat.completion.chunk";

    private OpenAiDtos() {
    }

    /** Fields Combot cannot honour are read only to be refused by name. */
    record ChatCompletionRequest(String model, List<ChatMessage> messages, Boolean stream,
                                 @JsonProperty("stream_options") StreamOptions streamOptions, Double temperature,
                                 @JsonProperty("max_tokens") Integer maxTokens,
                                 @JsonProperty("max_completion_tokens") Integer maxCompletionTokens, String user,
                                 JsonNode metadata, Integer n, JsonNode tools,
                                 @JsonProperty("tool_choice") JsonNode toolChoice, JsonNode functions,
                                 @JsonProperty("function_call") JsonNode functionCall,
                                 @JsonProperty("response_format") JsonNode responseFormat) {
    }

    record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }

    /** {@code content} is a string or an array of content parts. */
    record ChatMessage(String role, JsonNode content) {
    }

    record ModelResponse(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }

    record ModelListResponse(String object, List<ModelResponse> data) {
    }

    record ChatCompletionResponse(String id, String object, long created, String model, List<Choice> choices,
                                  Usage usage, CombotExtension combot) {
    }

    /** {@code logprobs} is always null: Combot does not return them. */
    record Choice(int index, AssistantReply message, Object logprobs,
                  @JsonProperty("finish_reason") String finishReason) {
    }

    /** {@code refusal} is always null, as OpenAI writes it for a reply that is not a refusal. */
    record AssistantReply(String role, String content, String refusal) {
    }

    record Usage(@JsonProperty("prompt_tokens") long promptTokens,
                 @JsonProperty("completion_tokens") long completionTokens,
                 @JsonProperty("total_tokens") long totalTokens) {
    }

    /**
     * What Combot made of the turn; clients that do not know it ignore it. {@code grounded} and {@code citations}
     * only on a knowledge reply.
     */
    record CombotExtension(String sessionId, String intent, double confidence, String route, boolean degraded,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean grounded,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<WebDtos.CitationResponse> citations) {
    }

    /** {@code usage} and {@code combot} appear only on the chunks that carry them. */
    record ChatCompletionChunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
                               @JsonInclude(JsonInclude.Include.NON_NULL) CombotExtension combot) {
    }

    /** {@code finish_reason} is null, and written as null, until the last chunk. */
    record ChunkChoice(int index, Delta delta, Object logprobs,
                       @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }

    record ErrorResponse(ErrorBody error) {
    }

    /** {@code param} and {@code code} are written as null when there is none, as OpenAI does. */
    record ErrorBody(String message, String type, String param, String code) {
    }
}
