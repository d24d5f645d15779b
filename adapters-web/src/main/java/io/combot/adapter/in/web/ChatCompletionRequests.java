package io.combot.adapter.in.web;

import io.combot.adapter.in.web.OpenAiDtos.ChatCompletionRequest;
import io.combot.adapter.in.web.OpenAiDtos.ChatMessage;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.ReplyOptions;
import io.combot.domain.model.Role;
import io.combot.domain.model.SessionId;
import io.combot.domain.port.in.ClientContext;
import io.combot.domain.port.in.CompleteChatCommand;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a chat-completion request into a command, refusing by name what Combot cannot honour ({@code n} > 1, tools,
 * non-text content, a response format other than text) and ignoring fields it does not know, as OpenAI does. The last
 * message is the turn; the earlier ones are the conversation the reply generator reads.
 */
final class ChatCompletionRequests {
    /** Strict about types and syntax like the native API, but not about unknown fields. */
    private static final JsonMapper LENIENT = WebConfiguration.strictJsonMapper().rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A request read and checked: what the controller needs besides the command. */
    record Parsed(CompleteChatCommand command, boolean stream, boolean includeUsage) {
    }

    private ChatCompletionRequests() {
    }

    static Parsed read(byte[] body, OwnerId caller, SessionId sessionId) {
        ChatCompletionRequest request;
        try {
            request = LENIENT.readValue(body, ChatCompletionRequest.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(ProblemHandler.describe(e));
        }
        if (request == null) {
            throw new InvalidInputException("The body must be a JSON object");
        }
        refuseWhatCannotBeHonoured(request);
        if (request.model() == null || request.model().isBlank()) {
            throw new OpenAiRequestException("model", "model is required: the id of a model from /v1/models");
        }
        List<ChatMessage> messages = request.messages();
        if (messages == null || messages.isEmpty()) {
            throw new OpenAiRequestException("messages", "messages is required and must not be empty");
        }
        List<ContextEntry> earlier = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        for (int i = 0; i < messages.size() - 1; i++) {
            ChatMessage message = messages.get(i);
            String text = text(message, i);
            if (text.isBlank()) {
                continue;
            }
            switch (role(message, i)) {
                case "system", "developer" -> instructions.add(text);
                case "user" -> earlier.add(new ContextEntry(Role.USER, text));
                default -> earlier.add(new ContextEntry(Role.ASSISTANT, text));
            }
        }
        int last = messages.size() - 1;
        String content = text(messages.get(last), last);
        if (!role(messages.get(last), last).equals("user") || content.isBlank()) {
            throw new OpenAiRequestException("messages",
                    "The last message must be a user message with text: it is the message Combot answers");
        }
        ReplyOptions options = options(request);
        boolean stream = Boolean.TRUE.equals(request.stream());
        boolean includeUsage = request.streamOptions() != null
                && Boolean.TRUE.equals(request.streamOptions().includeUsage());
        return new Parsed(new CompleteChatCommand(caller, request.model(), sessionId, content,
                new ClientContext(earlier, instructions, options)), stream, includeUsage);
    }

    private static void refuseWhatCannotBeHonoured(ChatCompletionRequest request) {
        if (request.n() != null && request.n() != 1) {
            throw new OpenAiRequestException("n", "n must be 1: Combot gives one reply per message");
        }
        // Even empty: a client that sends tools expects them to be offered, and Combot offers none.
        if (given(request.tools()) || given(request.functions())) {
            throw new OpenAiRequestException(given(request.tools()) ? "tools" : "functions",
                    "Tools and functions are not supported: Combot does not call tools");
        }
        if (present(request.toolChoice()) && !"none".equals(request.toolChoice().asString(""))) {
            throw new OpenAiRequestException("tool_choice", "tool_choice is not supported: Combot does not call tools");
        }
        if (present(request.functionCall()) && !"none".equals(request.functionCall().asString(""))) {
            throw new OpenAiRequestException("function_call",
                    "function_call is not supported: Combot does not call functions");
        }
        JsonNode format = request.responseFormat();
        if (present(format) && !"text".equals(format.path("type").asString(""))) {
            throw new OpenAiRequestException("response_format",
                    "response_format must be {\"type\": \"text\"}: Combot replies in plain text");
        }
    }

    private static ReplyOptions options(ChatCompletionRequest request) {
        Double temperature = request.temperature();
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new OpenAiRequestException("temperature", "temperature must lie between 0 and 2");
        }
        Integer maxTokens = request.maxCompletionTokens() != null ? request.maxCompletionTokens()
                : request.maxTokens();
        if (maxTokens != null && maxTokens < 1) {
            throw new OpenAiRequestException(request.maxCompletionTokens() != null ? "max_completion_tokens"
                    : "max_tokens", "The most tokens a reply may take must be at least 1");
        }
        return new ReplyOptions(temperature, maxTokens);
    }

    private static String role(ChatMessage message, int index) {
        String role = message.role();
        if (role == null) {
            throw new OpenAiRequestException("messages[" + index + "].role", "Every message needs a role");
        }
        return switch (role) {
            case "system", "developer", "user", "assistant" -> role;
            case "tool", "function" -> throw new OpenAiRequestException("messages[" + index + "].role",
                    "Messages with role '" + role + "' are not supported: Combot does not call tools");
            default -> throw new OpenAiRequestException("messages[" + index + "].role",
                    "Unknown role '" + role + "'; the roles are system, developer, user and assistant");
        };
    }

    /** The message's text: a string, or the text parts of an array joined by newlines. */
    private static String text(ChatMessage message, int index) {
        if (message == null) {
            throw new OpenAiRequestException("messages[" + index + "]", "A message must be an object");
        }
        JsonNode content = message.content();
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.asString();
        }
        if (!content.isArray()) {
            throw new OpenAiRequestException("messages[" + index + "].content",
                    "content must be a string or an array of text parts");
        }
        List<String> texts = new ArrayList<>();
        for (int part = 0; part < content.size(); part++) {
            JsonNode node = content.get(part);
            String type = node.path("type").asString("");
            String param = "messages[" + index + "].content[" + part + "]";
            if (!type.equals("text")) {
                throw new OpenAiRequestException(param + ".type", "Only text content parts are supported"
                        + (type.isEmpty() ? "" : "; this part is '" + type + "'"));
            }
            if (!node.path("text").isString()) {
                throw new OpenAiRequestException(param + ".text", "A text part needs its text as a string");
            }
            texts.add(node.path("text").asString());
        }
        return String.join("\n", texts);
    }

    private static boolean given(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !(node.isArray() && node.isEmpty());
    }
}
