package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.CheckResponse;
import io.combot.adapter.in.web.WebDtos.HealthResponse;
import io.combot.domain.model.ComponentHealth;
import io.combot.domain.model.HealthReport;
import io.combot.domain.port.in.CheckHealthUseCase;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
class HealthController {
    private final CheckHealthUseCase health;

    HealthController(CheckHealthUseCase health) {
        this.health = health;
    }

    /** The process answers: nothing else is checked, so a slow dependency never gets the process restarted. */
    @GetMapping("/live")
    HealthResponse live() {
        return new HealthResponse(status(true), List.of());
    }

    @GetMapping("/ready")
    ResponseEntity<HealthResponse> ready() {
        HealthReport report = health.readiness();
        List<CheckResponse> checks = report.components().stream().map(HealthController::toResponse).toList();
        return ResponseEntity.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new HealthResponse(status(report.ready()), checks));
    }

    /** A component the service works around (the LLM) is DEGRADED when down: reported, still ready. */
    private static CheckResponse toResponse(ComponentHealth component) {
        String status = component.up() || component.affectsReadiness() ? status(component.up()) : "DEGRADED";
        return new CheckResponse(component.name(), status, component.detail());
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
