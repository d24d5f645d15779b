package io.combot.application;

import io.combot.domain.model.HistoryPage;
import io.combot.domain.port.in.ReadHistoryQuery;
import io.combot.domain.port.in.ReadHistoryUseCase;
import io.combot.domain.port.out.SessionStorePort;
import java.time.Clock;

public class HistoryService implements ReadHistoryUseCase {
    private final SessionStorePort store;
    private final Sessions sessions;

    public HistoryService(SessionStorePort store, Clock clock) {
        this.store = store;
        this.sessions = new Sessions(store, clock);
    }

    @Override
    public HistoryPage readHistory(ReadHistoryQuery query) {
        sessions.usable(query.session());
        return store.loadHistory(query.session().sessionId(), query.limit(), query.optionalBefore());
    }
}
