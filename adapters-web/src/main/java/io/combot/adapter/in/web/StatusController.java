package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.ActivityResponse;
import io.combot.adapter.in.web.WebDtos.StatusResponse;
import io.combot.domain.model.ActivityCounts;
import io.combot.domain.model.ServiceStatus;
import io.combot.domain.port.in.ReadStatusUseCase;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StatusController {
    private final ReadStatusUseCase status;
    private final IntSupplier inFlight;

    StatusController(ReadStatusUseCase status, IntSupplier inFlight) {
        this.status = status;
        this.inFlight = inFlight;
    }

    /** What the status page polls; the count of requests in flight includes this one. */
    @GetMapping(path = "/api/v1/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StatusResponse> status() {
        ServiceStatus now = status.status();
        StatusResponse body = new StatusResponse(now.at(), now.memory().heapUsedBytes(),
                boxed(now.memory().heapMaxBytes()), boxed(now.memory().residentBytes()), inFlight.getAsInt(),
                now.llmCircuit().label(), activity(now.activity()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static ActivityResponse activity(ActivityCounts counts) {
        Map<String, Long> routes = new TreeMap<>();
        counts.repliesByRoute().forEach((route, count) -> routes.put(route.label(), count));
        Map<String, Long> intents = new TreeMap<>();
        counts.messagesByIntent().forEach((intent, count) -> intents.put(intent.label(), count));
        return new ActivityResponse(routes, intents, counts.messages(), counts.lowConfidenceMessages(),
                counts.ratedUp(), counts.ratedDown());
    }

    private static Long boxed(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
