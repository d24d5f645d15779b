package io.combot.bootstrap;

import io.combot.adapter.in.web.Problems;
import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.Intent;
import io.combot.domain.model.PromotionGate;
import io.combot.domain.port.in.ReloadBotUseCase;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's endpoints, each behind {@code Authorization: Bearer <COMBOT_ADMIN_TOKEN>}: {@code POST /admin/purge}
 * purges expired sessions now; {@code GET /admin/memory} reports heap, heap after GC, RSS, threads and GC time;
 * {@code POST /admin/gc} runs a full collection first, for a steady heap-after-GC figure; {@code POST /admin/reload}
 * re-reads the configuration and applies what is safe to change while running (the log level);
 * {@code POST /admin/bot/reload[?force=true]} swaps in the bot as its folder now holds it (422 when the folder is not a
 * valid bot or the promotion gate refuses its model, and the bot in use keeps serving). {@code AdminTokenFilter}
 * checks the token on every {@code /admin/} path before this servlet or the review controller runs.
 */
final class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOG_LEVEL_KEY = LogSettings.LEVEL_KEY;
    private static final int UNPROCESSABLE = 422;

    /** The servlet's paths; the rest of {@code /admin/} (the review inbox and labels) is Spring MVC's. */
    static final String[] ACTIONS = {"/admin/purge", "/admin/memory", "/admin/gc", "/admin/reload",
        "/admin/bot/reload"};

    private final transient OpsSettings ops;
    private final transient SessionPurgeJob purge;
    private final transient ConfigSource loaded;
    private final transient ReloadBotUseCase bots;
    private final transient JvmProcessMemoryAdapter memory;

    AdminServlet(OpsSettings ops, SessionPurgeJob purge, ReloadBotUseCase bots, JvmProcessMemoryAdapter memory) {
        this.memory = memory;
        this.ops = ops;
        this.bots = bots;
        this.loaded = ConfigSource.load(ops.environment());
        this.purge = purge;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Mapped to its exact paths (see ACTIONS), so the servlet path is the whole path.
        String action = request.getMethod() + " " + request.getServletPath().substring("/admin".length());
        switch (action) {
            case "POST /purge" -> json(response, Map.of("purged", purge.runNow()));
            case "GET /memory" -> json(response, memory.report());
            case "POST /gc" -> {
                System.gc();
                json(response, memory.report());
            }
            case "POST /reload" -> reloadConfiguration(response);
            case "POST /bot/reload" -> reloadBot(request, response);
            default -> problem(response, HttpServletResponse.SC_NOT_FOUND,
                    "No admin action " + action + "; there are POST /admin/purge, GET /admin/memory, "
                            + "POST /admin/gc, POST /admin/reload and POST /admin/bot/reload");
        }
    }

    private void reloadConfiguration(HttpServletResponse response) throws IOException {
        try {
            json(response, reload());
        } catch (IllegalArgumentException e) {
            problem(response, UNPROCESSABLE, e.getMessage() + "; nothing was applied");
        }
    }

    /**
     * Only the log level changes while running; every other setting sizes pools, queues or threads built at start,
     * so a changed value is reported as needing a restart.
     */
    private synchronized Map<String, Object> reload() {
        ConfigSource fresh = ConfigSource.load(ops.environment());
        SortedSet<String> changed = loaded.changedKeys(fresh);
        LogSettings logging = LogSettings.from(fresh);
        String level = logging.level();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.combot")).setLevel(logging.logbackLevel());
        changed.remove(LOG_LEVEL_KEY);
        LOG.info("Configuration reloaded: {}={}; changed but needing a restart: {}", LOG_LEVEL_KEY, level, changed);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("applied", Map.of(LOG_LEVEL_KEY, level));
        result.put("restartRequired", List.copyOf(changed));
        return result;
    }

    private void reloadBot(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String force = request.getParameter("force");
        if (force != null && !force.equals("true") && !force.equals("false")) {
            problem(response, HttpServletResponse.SC_BAD_REQUEST, "force is true or false, not '" + force + "'");
            return;
        }
        BotReload reload;
        try {
            reload = bots.reload(Boolean.parseBoolean(force));
        } catch (InvalidBotException e) {
            LOG.warn("Bot reload refused: {}", e.getMessage());
            problem(response, UNPROCESSABLE, e.getMessage());
            return;
        } catch (CapacityExceededException e) {
            // The gate classifies the held-out texts on the workers that serve traffic; they were full.
            response.setHeader("Retry-After", Long.toString(Problems.retryAfterSeconds(e.retryAfter())));
            problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The classifier is busy serving traffic, "
                    + "so the new model could not be evaluated; the bot in use keeps serving. Try again shortly");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bot", reload.name());
        body.put("modelVersion", reload.servingModelVersion());
        body.put("candidateModelVersion", reload.candidateModelVersion());
        body.put("previousModelVersion", reload.previousModelVersion());
        body.put("intents", reload.intents().stream().map(Intent::label).toList());
        body.put("gate", gate(reload.gate()));
        if (reload.swapped()) {
            json(response, body);
            return;
        }
        response.setStatus(UNPROCESSABLE);
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(Problems.json(UNPROCESSABLE, "The promotion gate "
                + reload.gate().reason() + "; the model in use keeps serving (force=true swaps it in anyway)", body));
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

    private static void json(HttpServletResponse response, Object body) throws IOException {
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(Problems.json(status, detail));
    }
}
