package io.combot.bootstrap;

import io.combot.adapter.in.web.AdminConfiguration;
import io.combot.adapter.in.web.AdmissionSettings;
import io.combot.adapter.in.web.DeadlineHttpConnectionFactory;
import io.combot.adapter.in.web.Perimeter;
import io.combot.adapter.in.web.PressureMonitor;
import io.combot.adapter.in.web.RequestMetricsFilter;
import io.combot.adapter.in.web.WebConfiguration;
import io.combot.adapter.in.web.WebDispatcherServlet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.FrameworkServlet;

/**
 * The running service: the application context (adapters and use cases) and, on top, Jetty with Spring MVC.
 * Closing it stops Jetty gracefully first (no new connections, in-flight requests finish) and only then closes the
 * application context, which closes the database pools, the model and the LLM client.
 */
public final class CombotServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CombotServer.class);
    private static final String SERVLET_NAME = "api";
    /** Linux caps it at net.core.somaxconn (4096 by default since kernel 5.4). */
    private static final int ACCEPT_QUEUE_SIZE = 1024;

    private final AnnotationConfigApplicationContext application;
    private final Server jetty;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CombotServer(AnnotationConfigApplicationContext application, Server jetty) {
        this.application = application;
        this.jetty = jetty;
    }

    public static CombotServer start(CombotSettings settings) throws Exception {
        long started = System.nanoTime();
        AnnotationConfigApplicationContext application = new AnnotationConfigApplicationContext();
        settings.registerIn(application);
        application.register(RootConfiguration.class);
        application.refresh();
        // Building the context (model, bot, index, warm-ups) leaves much of the heap touched and dead; one full
        // collection before the first request lets G1 give that back (MaxHeapFreeRatio), so traffic starts small.
        System.gc();
        try {
            Server jetty = jetty(settings, application);
            jetty.start();
            CombotServer server = new CombotServer(application, jetty);
            LOG.info("Combot listening on http://{}:{} (started in {} ms)", settings.server().bind(), server.port(),
                    (System.nanoTime() - started) / 1_000_000);
            if (settings.access().open()) {
                LOG.warn("No COMBOT_API_KEYS configured: the API is open to every caller, so Combot listens on "
                        + "loopback ({}) only", settings.server().bind());
            } else {
                LOG.info("{} client keys configured; the API needs 'Authorization: Bearer <key>'",
                        settings.access().keys().size());
            }
            return server;
        } catch (Exception e) {
            application.close();
            throw e;
        }
    }

    private static Server jetty(CombotSettings settings, AnnotationConfigApplicationContext application) {
        ServerSettings http = settings.server();
        // Jetty's own job queue stays unbounded (a bounded one can reject its internal tasks); requests are bounded
        // by the web adapter's admission control instead.
        QueuedThreadPool threads = new QueuedThreadPool(http.maxThreads(), http.minThreads(),
                (int) http.idleTimeout().toMillis());
        threads.setName("http");
        Server jetty = new Server(threads);
        HttpConfiguration httpConfiguration = new HttpConfiguration();
        httpConfiguration.setSendServerVersion(false);
        // Jetty applies this idle timeout while a request is handled: a response write (to a client that stopped
        // reading a stream) that makes no progress for it fails, which ends the turn and frees its LLM slot.
        httpConfiguration.setIdleTimeout(http.writeTimeout().toMillis());
        // Past the limit Jetty stops accepting: further clients wait in the kernel's backlog instead of each costing
        // a file descriptor and buffers. The limit is high because a connection still sending its head costs little
        // and is closed within COMBOT_HTTP_HEADER_TIMEOUT, so thousands of trickling ones cannot fill it.
        NetworkConnectionLimit connections = new NetworkConnectionLimit(http.maxConnections(), jetty);
        PressureMonitor pressure = new PressureMonitor(jetty, connections, http.lowResourcesIdleTimeout());
        ServerConnector connector = new ServerConnector(jetty, new DeadlineHttpConnectionFactory(httpConfiguration,
                http.headerTimeout(), pressure::isLowOnResources, application.getBean(MeterRegistry.class)));
        connector.setHost(http.bind());
        connector.setPort(http.port());
        connector.setIdleTimeout(http.idleTimeout().toMillis());
        // The kernel's queue of connections not yet accepted; Java's default of 50 is too short under a reconnecting
        // flood (docs/deployment.md says what overflowing it cost).
        connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        jetty.addConnector(connector);
        jetty.addBean(connections);
        jetty.addBean(pressure);

        AnnotationConfigWebApplicationContext web = new AnnotationConfigWebApplicationContext();
        web.setParent(application);
        web.register(WebConfiguration.class, AdminConfiguration.class);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        PrometheusMeterRegistry registry = application.getBean(PrometheusMeterRegistry.class);
        new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
        Perimeter perimeter = new Perimeter(settings.access(), settings.ops().admin(), settings.web(),
                new AdmissionSettings(http.maxConcurrentRequests(), http.queueCapacity(), http.queueTimeout()),
                http.bodyTimeout(), registry);
        Gauge.builder("combot.http.body.bytes.held", perimeter, Perimeter::bodyBytesHeld).baseUnit("bytes")
                .description("Request bodies held in memory, within COMBOT_HTTP_BODY_BUDGET_PERCENT of the heap")
                .register(registry);
        for (Filter filter : perimeter.filters(application.getBean(RequestMetricsFilter.class))) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder("metrics", new MetricsServlet(registry)), "/metrics");
        ServletHolder dispatcher = new ServletHolder(SERVLET_NAME, new WebDispatcherServlet(web));
        dispatcher.setInitOrder(0);
        context.addServlet(dispatcher, "/");

        jetty.setErrorHandler(Perimeter.errorHandler());
        jetty.setHandler(new GracefulHandler(perimeter.around(context)));
        jetty.setStopTimeout(http.shutdownTimeout().toMillis());
        jetty.setStopAtShutdown(false);
        return jetty;
    }

    /** The Spring MVC context that serves the API, for tests that check the routes it maps. */
    public ApplicationContext webContext() {
        ServletContextHandler context = jetty.getDescendant(ServletContextHandler.class);
        return WebApplicationContextUtils.getWebApplicationContext(context.getServletContext(),
                FrameworkServlet.SERVLET_CONTEXT_PREFIX + SERVLET_NAME);
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Idempotent: a shutdown hook and a caller may both close. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping: no new connections, waiting for in-flight requests");
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Jetty did not stop cleanly", e);
        } finally {
            application.close();
            LOG.info("Stopped");
        }
    }
}
