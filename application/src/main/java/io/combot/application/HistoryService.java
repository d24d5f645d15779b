package io.combot.application;

import io.combot.domain.model.HistoryPage;
import io.combot.domain.port.in.ReadHistoryQuery;
import io.combot.domain.port.in.ReadHistoryUseCase;
import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.SessionStorePort;
import java.time.Clock;

public class HistoryService implements ReadHistoryUseCase {
    private final SessionStorePort store;
    private final FeedbackStorePort feedback;
    private final Sessions sessions;

    public HistoryService(SessionStorePort store, FeedbackStorePort feedback, Clock clock) {
        this.store = store;
        this.feedback = feedback;
        this.sessions = new Sessions(store, clock);
    }

    @Override
    public HistoryPage readHistory(ReadHistoryQuery query) {
        sessions.usable(query.session());
        HistoryPage page = store.loadHistory(query.session().sessionId(), query.limit(), query.optionalBefore());
        return page.withFeedback(feedback.findFeedback(page.replyIds()));
    }
}
