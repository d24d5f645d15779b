package io.combot.adapter.in.web;

import java.time.Duration;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * What the web adapter puts in front of its servlets in Jetty, so that bootstrap only starts and stops the server:
 * the whole-body wait (408, and the drain that lets a client read its 413) before admission control (503 past the
 * cap and the queue), and the error handler that answers Jetty's own errors in the API's error shapes.
 */
public final class JettyHandlers {
    private JettyHandlers() {
    }

    /**
     * The handlers around {@code servlets}. Bodies are awaited first, so that a client trickling its body holds a
     * connection but never one of the bounded handling slots.
     */
    public static Handler around(Handler servlets, WebSettings web, Duration bodyTimeout,
                                 AdmissionSettings admission) {
        return new WholeBodyHandler(admissionControl(servlets, admission), web.maxBodyBytes(), bodyTimeout);
    }

    /** Errors that Jetty answers itself, before any servlet sees the request. */
    public static ErrorHandler errorHandler() {
        return new ProblemErrorHandler();
    }

    /**
     * Health probes bypass the queue so that an overloaded service still says it is alive, and so do metrics and
     * the operator's endpoints, so that an overload can be watched and handled.
     */
    private static QoSHandler admissionControl(Handler next, AdmissionSettings settings) {
        QoSHandler admission = new QoSHandler(next);
        admission.setMaxRequestCount(settings.maxConcurrentRequests());
        admission.setMaxSuspendedRequestCount(settings.queueCapacity());
        admission.setMaxSuspend(settings.queueTimeout());
        admission.exclude(new ServletPathSpec("/health/*"));
        admission.exclude(new ServletPathSpec("/metrics"));
        admission.exclude(new ServletPathSpec("/admin/*"));
        return admission;
    }
}
