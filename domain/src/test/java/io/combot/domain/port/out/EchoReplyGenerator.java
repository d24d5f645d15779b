package io.combot.domain.port.out;

import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The test double of {@link GenerateReplyPort}: echoes the message (in two deltas when streamed), or fails when told to. */
public class EchoReplyGenerator implements GenerateReplyPort {
    private final List<ReplyRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean failing;

    @Override
    public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
        requests.add(request);
        if (failing) {
            throw new ReplyUnavailableException("echo generator told to fail", new IllegalStateException("failing"));
        }
        String first = "You said: ";
        String second = request.userContent();
        if (sink.streaming()) {
            sink.delta(first);
            sink.delta(second);
        } else {
            sink.delta(first + second);
        }
        return new GeneratedReply(first + second, Route.LLM,
                new TokenUsage(request.userContent().length(), first.length() + second.length()), true);
    }

    public void failFromNowOn() {
        failing = true;
    }

    public List<ReplyRequest> requests() {
        return List.copyOf(requests);
    }
}
