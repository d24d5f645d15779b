package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.adapter.in.web.OpenAiDtos.ErrorResponse;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Role;
import io.combot.domain.port.in.CompleteChatCommand;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a chat-completion body becomes a command, and what is refused with which parameter named. */
class ChatCompletionRequestsTest {
    private static final OwnerId CALLER = new OwnerId("o");
    private static final String HELLO = "{\"role\": \"user\", \"content\": \"Hello\"}";

    private static ChatCompletionRequests.Parsed read(String json) {
        return ChatCompletionRequests.read(json.getBytes(StandardCharsets.UTF_8), CALLER, null);
    }

    @Test
    void theLastUserMessageIsTheTurnAndTheEarlierOnesItsContext() {
        ChatCompletionRequests.Parsed parsed = read("""
                {"model": "combot-default", "stream": true, "stream_options": {"include_usage": true},
                 "temperature": 0.3, "max_tokens": 99, "user": "u-1", "metadata": {"a": "b"}, "logprobs": false,
                 "messages": [
                   {"role": "system", "content": "Be brief."},
                   {"role": "developer", "content": [{"type": "text", "text": "No jokes."}]},
                   {"role": "user", "content": "Hi"},
                   {"role": "assistant", "content": "Hello!"},
                   {"role": "assistant", "content": null},
                   {"role": "user", "content": [{"type": "text", "text": "Where is"}, {"type": "text", "text": "my parcel?"}]}
                 ]}""");

        CompleteChatCommand command = parsed.command();
        assertThat(command.bot()).isEqualTo("combot-default");
        assertThat(command.content()).isEqualTo("Where is\nmy parcel?");
        assertThat(command.continuedSession()).isEmpty();
        assertThat(command.clientContext().instructions()).containsExactly("Be brief.", "No jokes.");
        assertThat(command.clientContext().earlier()).containsExactly(
                new ContextEntry(Role.USER, "Hi"), new ContextEntry(Role.ASSISTANT, "Hello!"));
        assertThat(command.clientContext().options().temperature()).isEqualTo(0.3);
        assertThat(command.clientContext().options().maxOutputTokens()).isEqualTo(99);
        assertThat(parsed.stream()).isTrue();
        assertThat(parsed.includeUsage()).isTrue();
    }

    @Test
    void maxCompletionTokensWinsOverTheOlderMaxTokens() {
        ChatCompletionRequests.Parsed parsed = read("{\"model\": \"m\", \"max_tokens\": 10, "
                + "\"max_completion_tokens\": 20, \"messages\": [" + HELLO + "]}");

        assertThat(parsed.command().clientContext().options().maxOutputTokens()).isEqualTo(20);
        assertThat(parsed.stream()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no model               | {"messages": [{"role": "user", "content": "Hi"}]}                                 | model
            no messages            | {"model": "m"}                                                                  | messages
            empty messages         | {"model": "m", "messages": []}                                                  | messages
            last is the assistant  | {"model": "m", "messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Yo"}]} | messages
            last is blank          | {"model": "m", "messages": [{"role": "user", "content": " "}]}                  | messages
            n of two               | {"model": "m", "n": 2, "messages": [{"role": "user", "content": "Hi"}]}         | n
            tools                  | {"model": "m", "tools": [{"type": "function"}], "messages": [{"role": "user", "content": "Hi"}]} | tools
            tools, even none       | {"model": "m", "tools": [], "messages": [{"role": "user", "content": "Hi"}]}    | tools
            functions, even none   | {"model": "m", "functions": [], "messages": [{"role": "user", "content": "Hi"}]} | functions
            tool_choice            | {"model": "m", "tool_choice": "auto", "messages": [{"role": "user", "content": "Hi"}]} | tool_choice
            functions              | {"model": "m", "functions": [{"name": "f"}], "messages": [{"role": "user", "content": "Hi"}]} | functions
            json response format   | {"model": "m", "response_format": {"type": "json_object"}, "messages": [{"role": "user", "content": "Hi"}]} | response_format
            image part             | {"model": "m", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}]} | messages[0].content[0].type
            tool message           | {"model": "m", "messages": [{"role": "tool", "content": "x"}, {"role": "user", "content": "Hi"}]} | messages[0].role
            unknown role           | {"model": "m", "messages": [{"role": "robot", "content": "x"}, {"role": "user", "content": "Hi"}]} | messages[0].role
            no role                | {"model": "m", "messages": [{"content": "Hi"}]}                                 | messages[0].role
            content an object      | {"model": "m", "messages": [{"role": "user", "content": {"text": "Hi"}}]}       | messages[0].content
            temperature too high   | {"model": "m", "temperature": 2.5, "messages": [{"role": "user", "content": "Hi"}]} | temperature
            no tokens              | {"model": "m", "max_tokens": 0, "messages": [{"role": "user", "content": "Hi"}]} | max_tokens
            """)
    void whatCannotBeHonouredIsRefusedNamingTheParameter(String why, String body, String param) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOfSatisfying(OpenAiRequestException.class, e -> {
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"model": "m", "messages": [
            {"model": 7, "messages": []}
            [1, 2]
            """)
    void malformedOrMistypedJsonIsAnInvalidInput(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(InvalidInputException.class).hasMessageNotContaining("Hello");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a message a string | {"model": "m", "messages": ["Hi"]}                         | Field 'messages[0]' must be a JSON object
            messages a string  | {"model": "m", "messages": "Hi"}                           | Field 'messages' must be an array
            stream a string    | {"model": "m", "stream": "yes", "messages": []}            | Field 'stream' must be true or false
            a role a number    | {"model": "m", "messages": [{"role": 7, "content": "Hi"}]} | Field 'messages[0].role' must be a string
            """)
    void aMistypedFieldIsNamedAsTheClientWroteIt(String why, String body, String detail) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(InvalidInputException.class).hasMessage(detail);
    }

    @Test
    void aBodyNestedTooDeeplyIsSaidSoWithoutJacksonsInternals() {
        String deep = "{\"model\": \"m\", \"metadata\": " + "[".repeat(501) + "]".repeat(501) + "}";

        assertThatThrownBy(() -> read(deep)).isInstanceOf(InvalidInputException.class).hasMessage(
                "The JSON exceeds a limit of this service: Document nesting depth (501) exceeds the maximum allowed "
                        + "(500)");
    }

    @Test
    void errorsAreInOpenAisShapeWithTheCodeForTheirStatus() {
        JsonMapper json = WebConfiguration.strictJsonMapper();
        ErrorResponse refused = new ProblemHandler().openAiErrorFor(new OpenAiRequestException("n", "n must be 1"));

        JsonNode body = json.readTree(json.writeValueAsString(refused)).get("error");
        assertThat(body.get("message").asString()).isEqualTo("n must be 1");
        assertThat(body.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(body.get("param").asString()).isEqualTo("n");
        assertThat(body.get("code").isNull()).isTrue();
        JsonNode limited = json.readTree(OpenAiErrors.json(429, "slow down")).get("error");
        assertThat(limited.get("code").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.has("param")).isTrue();
        assertThat(json.readTree(OpenAiErrors.json(503, "busy")).get("error").get("type").asString())
                .isEqualTo("server_error");
        assertThat(json.readTree(OpenAiErrors.json(401, "who")).get("error").get("code").asString())
                .isEqualTo("invalid_api_key");
        assertThat(OpenAiErrors.covers("/v1/chat/completions")).isTrue();
        assertThat(OpenAiErrors.covers("/api/v1/sessions")).isFalse();
    }
}
