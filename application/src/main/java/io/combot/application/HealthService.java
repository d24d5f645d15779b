package io.combot.application;

import io.combot.domain.model.ComponentHealth;
import io.combot.domain.model.HealthReport;
import io.combot.domain.port.in.CheckHealthUseCase;
import io.combot.domain.port.out.HealthCheckPort;
import java.util.List;

public class HealthService implements CheckHealthUseCase {
    private final List<HealthCheckPort> checks;

    public HealthService(List<HealthCheckPort> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public HealthReport readiness() {
        return new HealthReport(checks.stream().map(HealthService::run).toList());
    }

    /** A check that throws is a component that is down, not a failed health request. */
    private static ComponentHealth run(HealthCheckPort check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return ComponentHealth.down(check.getClass().getSimpleName(), e.getClass().getSimpleName());
        }
    }
}
