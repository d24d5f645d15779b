package io.combot.domain.port.in;

import io.combot.domain.model.Label;
import io.combot.domain.model.RemovedLabel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ExportLabelsUseCase {
    /** The labels given at or after {@code since} (all when empty), oldest first. */
    List<Label> labelsSince(Optional<Instant> since);

    /** The labels removed at or after {@code since} (all when empty), oldest first. */
    List<RemovedLabel> removedLabelsSince(Optional<Instant> since);
}
