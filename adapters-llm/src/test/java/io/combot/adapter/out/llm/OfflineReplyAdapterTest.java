package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.GenerateReplyPortContract;
import io.combot.domain.port.out.TestBots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OfflineReplyAdapterTest extends GenerateReplyPortContract {
    private final OfflineReplyAdapter subject = new OfflineReplyAdapter();

    @Override
    protected GenerateReplyPort generator() {
        return subject;
    }

    static List<Intent> intents() {
        return TestBots.definition().intentNames();
    }

    @ParameterizedTest
    @MethodSource("intents")
    void answersWithTheBotsOfflineTextInOnePieceWithoutTokens(Intent intent) {
        List<String> deltas = new ArrayList<>();
        ReplyRequest request = TestBots.replyRequest(intent, "Hi?");

        GeneratedReply reply = subject.generate(request, deltas::add);

        assertThat(reply.text()).isEqualTo(request.offlineReply());
        assertThat(reply.route()).isEqualTo(Route.OFFLINE);
        assertThat(reply.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(deltas).containsExactly(reply.text());
    }
}
