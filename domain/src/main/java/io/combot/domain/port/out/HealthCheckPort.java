package io.combot.domain.port.out;

import io.combot.domain.model.ComponentHealth;

/** One dependency's readiness, checked quickly and without side effects. */
public interface HealthCheckPort {
    ComponentHealth check();
}
