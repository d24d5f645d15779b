package io.combot.domain.model;

import java.util.List;

public record HealthReport(List<ComponentHealth> components) {
    public HealthReport {
        components = List.copyOf(components);
    }

    public boolean ready() {
        return components.stream().allMatch(component -> component.up() || !component.affectsReadiness());
    }
}
