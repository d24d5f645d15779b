package io.combot.domain.port.out;

import io.combot.domain.model.ActivityCounts;

/** Running totals of what this instance has met since it started; cheap enough to read on every status poll. */
public interface ActivityCountsPort {
    ActivityCounts counts();
}
