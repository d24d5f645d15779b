package io.combot.adapter.in.web;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.Intent;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.in.PurgeExpiredSessionsUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's endpoints, behind the admin token ({@link AdminToken}): {@code POST /admin/purge} purges
 * expired sessions now; {@code GET /admin/memory} reports heap, heap after GC, RSS, threads and GC time;
 * {@code POST /admin/gc} runs a full collection first, for a steady heap-after-GC figure; {@code POST
 * /admin/settings/reload} (the old {@code /admin/reload} is an alias) re-reads the configuration and applies what is safe to change while running (the log level);
 * {@code POST /admin/bot/reload[?force=true]} swaps in the bot as its folder now holds it (422 when the folder is not
 * a valid bot or the promotion gate refuses its model, and the bot in use keeps serving).
 */
@RestController
@RequestMapping("/admin")
class AdminController {
    private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);

    private final PurgeExpiredSessionsUseCase purge;
    private final ReloadBotUseCase bots;
    private final MemoryReporter memory;
    private final ConfigurationReloader configuration;

    AdminController(PurgeExpiredSessionsUseCase purge, ReloadBotUseCase bots, MemoryReporter memory,
                    ConfigurationReloader configuration) {
        this.purge = purge;
        this.bots = bots;
        this.memory = memory;
        this.configuration = configuration;
    }

    @PostMapping("/purge")
    Map<String, Integer> purge() {
        return Map.of("purged", purge.purgeExpiredSessions());
    }

    @GetMapping("/memory")
    Map<String, Object> memory() {
        return memory.report();
    }

    @PostMapping("/gc")
    Map<String, Object> collectGarbage() {
        System.gc();
        return memory.report();
    }

    /** Only the log level changes while running; a changed value of any other setting is reported as needing a restart. */
    /** {@code /admin/reload} is the old name, kept as an alias: "reload" alone could be the bot's. */
    @PostMapping({"/settings/reload", "/reload"})
    ResponseEntity<Object> reloadConfiguration() {
        try {
            return ResponseEntity.ok(configuration.reload());
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage() + "; nothing was applied");
        }
    }

    @PostMapping("/bot/reload")
    ResponseEntity<Object> reloadBot(@RequestParam(name = "force", required = false) String force) {
        if (force != null && !force.equals("true") && !force.equals("false")) {
            return problem(HttpStatus.BAD_REQUEST, "force is true or false, not '" + force + "'");
        }
        BotReload reload;
        try {
            reload = bots.reload(Boolean.parseBoolean(force));
        } catch (InvalidBotException e) {
            LOG.warn("Bot reload refused: {}", e.getMessage());
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        } catch (CapacityExceededException e) {
            // The gate classifies the held-out texts on the workers that serve traffic; they were full.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(e.retryAfter())))
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE.value(), "The classifier is busy serving "
                            + "traffic, so the new model could not be evaluated; the bot in use keeps serving. "
                            + "Try again shortly"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bot", reload.name());
        body.put("modelVersion", reload.servingModelVersion());
        body.put("candidateModelVersion", reload.candidateModelVersion());
        body.put("previousModelVersion", reload.previousModelVersion());
        body.put("intents", reload.intents().stream().map(Intent::label).toList());
        body.put("gate", gate(reload.gate()));
        if (reload.swapped()) {
            return ResponseEntity.ok(body);
        }
        ProblemDetail refused = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT.value(), "The promotion gate "
                + reload.gate().reason() + "; the model in use keeps serving (force=true swaps it in anyway)");
        body.forEach(refused::setProperty);
        return ResponseEntity.unprocessableContent().body(refused);
    }

    private static Map<String, Object> gate(PromotionGate gate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("passed", gate.passed());
        body.put("forced", gate.forced());
        body.put("reason", gate.reason());
        body.put("candidate", gate.candidate());
        body.put("current", gate.current());
        return body;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(Problems.problem(status.value(), detail));
    }
}
