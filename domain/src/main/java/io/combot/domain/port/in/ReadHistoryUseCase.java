package io.combot.domain.port.in;

import io.combot.domain.model.HistoryPage;

public interface ReadHistoryUseCase {
    /** Never writes. */
    HistoryPage readHistory(ReadHistoryQuery query);
}
