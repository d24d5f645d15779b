package io.combot.tools.fakellm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a chat-completions request and writes the OpenAI-shaped JSON answers to it. */
final class CompletionJson {
    private static final Pattern AFTER_WHITESPACE = Pattern.compile("(?<=\\s)");

    private final ObjectMapper mapper;

    CompletionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What the server needs from a request body; throws on a body that is not a chat-completions request. */
    record Request(String model, boolean stream, boolean includeUsage, String lastUserMessage, long promptTokens) {
    }

    Request parse(String body) throws IOException {
        JsonNode root = mapper.readTree(body);
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array");
        }
        String lastUser = "";
        long chars = 0;
        for (JsonNode message : messages) {
            String content = message.path("content").asText("");
            chars += content.length();
            if ("user".equals(message.path("role").asText())) {
                lastUser = content;
            }
        }
        return new Request(root.path("model").asText("fake-model"), root.path("stream").asBoolean(false),
                root.path("stream_options").path("include_usage").asBoolean(false), lastUser,
                Math.max(1, chars / 4));
    }

    /** The reply in the pieces a stream sends: words with their trailing whitespace. */
    static List<String> tokens(String text) {
        return new ArrayList<>(List.of(AFTER_WHITESPACE.split(text)));
    }

    String completion(String id, Request request, String text, long completionTokens) {
        ObjectNode root = envelope(id, "chat.completion", request.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        usage(root, request.promptTokens(), completionTokens);
        return root.toString();
    }

    /** A stream chunk carrying {@code content}, or the final one with {@code finish_reason} when it is null. */
    String chunk(String id, Request request, String content) {
        ObjectNode root = envelope(id, "chat.completion.chunk", request.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content == null) {
            choice.put("finish_reason", "stop");
        } else {
            delta.put("content", content);
            choice.putNull("finish_reason");
        }
        return root.toString();
    }

    /** The extra last chunk that {@code stream_options.include_usage} asks for: no choices, only usage. */
    String usageChunk(String id, Request request, long completionTokens) {
        ObjectNode root = envelope(id, "chat.completion.chunk", request.model());
        root.putArray("choices");
        usage(root, request.promptTokens(), completionTokens);
        return root.toString();
    }

    /** {@code GET /v1/models}: one page listing these model ids. */
    String modelList(List<String> ids) {
        ObjectNode root = mapper.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : ids) {
            ObjectNode model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", 0);
            model.put("owned_by", "combot-fake-llm");
        }
        return root.toString();
    }

    String error(String message, String type) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.putNull("code");
        return root.toString();
    }

    private ObjectNode envelope(String id, String object, String model) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id);
        root.put("object", object);
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        return root;
    }

    private static void usage(ObjectNode root, long promptTokens, long completionTokens) {
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
    }
}
