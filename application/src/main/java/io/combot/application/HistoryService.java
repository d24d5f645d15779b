package io.combot.application;

import io.combot.domain.model.HistoryPage;
import io.combot.domain.port.in.ReadHistoryQuery;
import io.combot.domain.port.in.ReadHistoryUseCase;
import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.LoadHistoryPort;
import io.combot.domain.port.out.LoadSessionPort;
import java.time.Clock;

public class HistoryService implements ReadHistoryUseCase {
    private final LoadHistoryPort history;
    private final FeedbackStorePort feedback;
    private final Sessions sessions;

    public HistoryService(LoadSessionPort loader, LoadHistoryPort history, FeedbackStorePort feedback, Clock clock) {
        this.history = history;
        this.feedback = feedback;
        this.sessions = new Sessions(loader, clock);
    }

    @Override
    public HistoryPage readHistory(ReadHistoryQuery query) {
        sessions.usable(query.session());
        HistoryPage page = history.loadHistory(query.session().sessionId(), query.limit(), query.optionalBefore());
        return page.withFeedback(feedback.findFeedback(page.replyIds()));
    }
}
