package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.Intent;
import io.combot.domain.port.out.TestBots;
import io.combot.domain.model.Message;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.ReplyOptions;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Role;
import io.combot.domain.model.Turn;
import io.combot.domain.port.out.TestTurns;
import io.combot.tools.fakellm.FakeOpenAiServerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What reaches the server: the intent's system prompt, the newest context that fits the budget, the message. */
class PromptAssemblyTest {
    @RegisterExtension
    static final FakeOpenAiServerExtension fake = new FakeOpenAiServerExtension();

    @Test
    void sendsTheRequestsSystemPromptFirstAndTheUserMessageLast() throws IOException {
        List<JsonNode> messages = sent(Intent.of("complaint"), List.of(), 4000);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText())
                .isEqualTo(TestBots.definition().systemPromptFor(Intent.of("complaint")))
                .startsWith(TestBots.SYSTEM_PROMPT).contains("Apologise once.");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("This is the message");
    }

    @Test
    void theSystemPromptDiffersPerIntent() throws IOException {
        String question = sent(Intent.of("question"), List.of(), 4000).get(0).path("content").asText();
        String smalltalk = sent(Intent.of("smalltalk"), List.of(), 4000).get(0).path("content").asText();

        assertThat(question).contains("Answer the question.");
        assertThat(smalltalk).isEqualTo(TestBots.SYSTEM_PROMPT);
    }

    @Test
    void keepsTheNewestContextThatFitsTheBudgetAndSendsItOldestFirst() throws IOException {
        List<Message> context = conversation("first question", "second question", "third question");
        // Newest first: "Reply to third question" (23) + "third question" (14) + "Reply to second question" (24)
        // fit in 61 characters; "second question" would not.
        List<JsonNode> messages = sent(Intent.of("question"), context, 61);

        assertThat(messages.subList(1, messages.size()))
                .extracting(m -> m.path("role").asText(), m -> m.path("content").asText())
                .containsExactly(
                        tuple("assistant", "Reply to second question"),
                        tuple("user", "third question"),
                        tuple("assistant", "Reply to third question"),
                        tuple("user", "This is the message"));
    }

    @Test
    void aZeroBudgetSendsNoContext() throws IOException {
        List<JsonNode> messages = sent(Intent.of("question"), conversation("earlier"), 0);

        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("system", "user");
    }

    @Test
    void theClientsInstructionsFollowTheBotsPromptAndItsOptionsReachTheServerWithinTheConfiguredOnes()
            throws IOException {
        LlmSettings settings = TestSettings.against(fake.server(), TestSettings.REQUEST_TIMEOUT, 2, 16,
                Duration.ofMillis(50), 4000);
        ReplyRequest plain = TestSettings.request(Intent.of("question"), "This is the message", List.of());
        ReplyRequest request = new ReplyRequest(plain.sessionId(), plain.intentHint(), plain.userContent(),
                List.of(new ContextEntry(Role.USER, "earlier"), new ContextEntry(Role.ASSISTANT, "reply")),
                List.of("Answer in French."), plain.systemPrompt(), plain.offlineReply(),
                new ReplyOptions(0.9, settings.maxOutputTokens() + 1_000));
        try (OpenAiReplyAdapter adapter = TestSettings.adapter(settings)) {
            adapter.generate(request, ReplySink.DISCARD);
        }

        JsonNode body = new ObjectMapper().readTree(fake.server().lastRequestBody());
        List<JsonNode> messages = new ArrayList<>();
        body.path("messages").forEach(messages::add);
        assertThat(messages).extracting(m -> m.path("role").asText(), m -> m.path("content").asText())
                .containsExactly(
                        tuple("system", plain.systemPrompt()),
                        tuple("system", "Answer in French."),
                        tuple("user", "earlier"),
                        tuple("assistant", "reply"),
                        tuple("user", "This is the message"));
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(settings.maxOutputTokens());
    }

    private static List<JsonNode> sent(Intent intent, List<Message> context, int budget) throws IOException {
        try (OpenAiReplyAdapter adapter = TestSettings.adapter(TestSettings.against(fake.server(),
                TestSettings.REQUEST_TIMEOUT, 2, 16, Duration.ofMillis(50), budget))) {
            adapter.generate(TestSettings.request(intent, "This is the message", context), ReplySink.DISCARD);
        }
        List<JsonNode> messages = new ArrayList<>();
        new ObjectMapper().readTree(fake.server().lastRequestBody()).path("messages").forEach(messages::add);
        return messages;
    }

    private static List<Message> conversation(String... userContents) {
        ChatSession session = TestTurns.newSession(OwnerId.ANONYMOUS);
        List<Message> messages = new ArrayList<>();
        for (String content : userContents) {
            Turn turn = TestTurns.turn(session, content, null);
            messages.add(turn.userMessage());
            messages.add(turn.reply());
            session = session.after(turn, TestTurns.IDLE_TIMEOUT);
        }
        return messages;
    }
}
