package io.combot.domain.port.in;

import io.combot.domain.model.HealthReport;

public interface CheckHealthUseCase {
    /** Whether the service can take traffic: every dependency it needs answers. */
    HealthReport readiness();
}
