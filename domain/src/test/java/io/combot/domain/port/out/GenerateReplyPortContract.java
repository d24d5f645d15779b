package io.combot.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link GenerateReplyPort} does; each adapter and the in-memory double extend this once. */
public abstract class GenerateReplyPortContract {
    protected abstract GenerateReplyPort generator();

    static List<Intent> intents() {
        return TestBots.definition().intentNames();
    }

    @ParameterizedTest
    @MethodSource("intents")
    void everyIntentGetsANonBlankReply(Intent intent) {
        GeneratedReply reply = generator().generate(request(intent, "Can you tell me about your opening hours?"),
                delta -> { });

        assertThat(reply.text()).isNotBlank();
        assertThat(reply.complete()).isTrue();
        assertThat(reply.usage().promptTokens()).isNotNegative();
    }

    @Test
    void theStreamedPiecesMakeUpTheReply() {
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedReply reply = generator().generate(request(Intent.of("question"), "How do I reset my password?"),
                deltas::add);

        assertThat(deltas).isNotEmpty();
        assertThat(String.join("", deltas)).isEqualTo(reply.text());
    }

    @Test
    void aReceiverThatDoesNotStreamGetsTheReplyInOnePiece() {
        List<String> deltas = new CopyOnWriteArrayList<>();

        GeneratedReply reply = generator().generate(request(Intent.of("question"), "How do I reset my password?"),
                ReplySink.whole(deltas::add));

        assertThat(deltas).containsExactly(reply.text());
        assertThat(reply.complete()).isTrue();
    }

    private static ReplyRequest request(Intent intent, String content) {
        return TestBots.replyRequest(intent, content);
    }
}
