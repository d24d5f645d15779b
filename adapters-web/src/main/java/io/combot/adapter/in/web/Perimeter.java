package io.combot.adapter.in.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * The service's HTTP perimeter, in one place: which paths are open, which are the operator's, and the order in which
 * a request is let in. Bootstrap hands it the servlets and installs what it returns; it decides nothing itself.
 *
 * <ol>
 *   <li>From the request head alone ({@link HeadGate}): an {@code /admin} path needs the admin token
 *       ({@link AdminToken}); an open path needs nothing; every other path needs a client key within its rate
 *       ({@link ClientAccess}). A refused caller's body is never read.</li>
 *   <li>The body's bytes are reserved in a budget shared by every request ({@link BodyBudget}; 503 past it), then
 *       awaited without a thread ({@link WholeBodyHandler}: 408 when it is late).</li>
 *   <li>Admission control (Jetty's {@link QoSHandler}: 503 past the cap and the queue); the probes, the metrics
 *       and the operator's endpoints bypass it, so that an overloaded service can be watched and handled.</li>
 *   <li>The servlet filters, in {@link #filters}'s order: the request id, the metrics and access log, then the
 *       body limit ({@link BodyLimitFilter}: 413), before anything parses a body.</li>
 * </ol>
 */
public final class Perimeter {
    /** The operator's endpoints: the admin token guards every path under it, mapped or not. */
    static final String ADMIN_PREFIX = "/admin";
    /**
     * Paths that need no client key: the probes, the metrics scrape, and the static pages (the chat and status pages
     * ask the person for a key when the API answers 401). An entry ending in {@code /} opens every path under it; any
     * other entry, {@code /} included (the home page, not the whole tree), exactly that path.
     */
    static final Set<String> OPEN_PATHS = Set.of("/health/", "/metrics", "/", "/status", "/openapi.json", "/assets/");

    private final ClientAccess clients;
    private final AdminToken admin;
    private final WebSettings web;
    private final BodyBudget bodies;
    private final AdmissionSettings admission;
    private final Duration bodyTimeout;
    private final Refusals refusals;

    /** {@code registry} counts the requests refused before the servlets ({@code combot.http.refused}). */
    public Perimeter(AccessSettings access, AdminSettings admin, WebSettings web, AdmissionSettings admission,
                     Duration bodyTimeout, MeterRegistry registry) {
        this.clients = new ClientAccess(access);
        this.admin = new AdminToken(admin, System::nanoTime);
        this.web = web;
        this.bodies = new BodyBudget(web.bodyBudgetBytes());
        this.admission = admission;
        this.bodyTimeout = bodyTimeout;
        this.refusals = new Refusals(registry);
    }

    /** The Jetty handlers around {@code servlets}, outermost first: the head's checks, the body, admission. */
    public Handler around(Handler servlets) {
        return new HeadGate(this, refusals, new WholeBodyHandler(admissionControl(servlets), web.maxBodyBytes(),
                bodies, refusals, bodyTimeout));
    }

    /** The bytes of request bodies held in memory right now, out of {@link WebSettings#bodyBudgetBytes()}. */
    public long bodyBytesHeld() {
        return bodies.reserved();
    }

    /** The servlet filters for every path, in the order they must run. */
    public List<Filter> filters(RequestMetricsFilter metrics) {
        return List.of(new RequestIdFilter(), metrics, new BodyLimitFilter(web));
    }

    /** Errors that Jetty answers itself, before any servlet sees the request. */
    public static ErrorHandler errorHandler() {
        return new ProblemErrorHandler();
    }

    /**
     * What the head of a request for {@code path} (decoded and normalised, as requests are routed by) lets it do:
     * go on as the returned verdict's owner (null on the paths that need no client key), or be refused.
     */
    ClientAccess.Verdict check(String path, String authorization, String source) {
        if (isAdmin(path)) {
            return new ClientAccess.Verdict(null, admin.check(authorization, source).orElse(null));
        }
        if (isOpen(path)) {
            return new ClientAccess.Verdict(null, null);
        }
        return clients.check(authorization);
    }

    static boolean isAdmin(String path) {
        return path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/");
    }

    private static boolean isOpen(String path) {
        return OPEN_PATHS.stream().anyMatch(open -> path.equals(open)
                || open.length() > 1 && open.endsWith("/") && path.startsWith(open));
    }

    private QoSHandler admissionControl(Handler next) {
        QoSHandler qos = new QoSHandler(next);
        qos.setMaxRequestCount(admission.maxConcurrentRequests());
        qos.setMaxSuspendedRequestCount(admission.queueCapacity());
        qos.setMaxSuspend(admission.queueTimeout());
        qos.exclude(new ServletPathSpec("/health/*"));
        qos.exclude(new ServletPathSpec("/metrics"));
        qos.exclude(new ServletPathSpec(ADMIN_PREFIX + "/*"));
        return qos;
    }
}
