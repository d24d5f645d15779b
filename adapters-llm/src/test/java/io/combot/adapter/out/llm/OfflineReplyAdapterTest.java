package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.Route;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.GenerateReplyPortContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfflineReplyAdapterTest extends GenerateReplyPortContract {
    private final OfflineReplyAdapter subject = new OfflineReplyAdapter(PromptTemplates.load(null));

    @Override
    protected GenerateReplyPort generator() {
        return subject;
    }

    @ParameterizedTest
    @EnumSource(Intent.class)
    void answersOnTheOfflineRouteInOnePieceWithoutTokens(Intent intent) {
        List<String> deltas = new ArrayList<>();

        GeneratedReply reply = subject.generate(new ReplyRequest(SessionId.random(), intent, "Hi?", List.of()),
                deltas::add);

        assertThat(reply.route()).isEqualTo(Route.OFFLINE);
        assertThat(reply.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(deltas).containsExactly(reply.text());
    }

    @Test
    void saysItIsTheOfflineResponderAndHowToGetAnLlmWhenAskedWhatItCanDo() {
        GeneratedReply reply = subject.generate(
                new ReplyRequest(SessionId.random(), Intent.HELP, "What can you do?", List.of()), delta -> { });

        assertThat(reply.text()).contains("offline responder").contains("API key");
    }

    @Test
    void repliesDifferPerIntent() {
        String question = subject.generate(
                new ReplyRequest(SessionId.random(), Intent.QUESTION, "Why?", List.of()), delta -> { }).text();
        String complaint = subject.generate(
                new ReplyRequest(SessionId.random(), Intent.COMPLAINT, "Bad!", List.of()), delta -> { }).text();

        assertThat(complaint).isNotEqualTo(question).containsIgnoringCase("sorry");
    }
}
