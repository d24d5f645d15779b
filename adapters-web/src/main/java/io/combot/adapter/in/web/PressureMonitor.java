package io.combot.adapter.in.web;

import java.time.Duration;
import java.util.function.BiConsumer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.LowResourceMonitor;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's low-resource monitor, told what pressure means here: the worker pool is low on threads, or open connections
 * reach three quarters of {@code COMBOT_HTTP_MAX_CONNECTIONS}. Under pressure, connections that wait between requests
 * (or for a request head) get the short {@code lowResourcesIdleTimeout}, re-applied every second so that connections
 * accepted meanwhile get it too, and the service keeps accepting (refusing would shut out normal clients with the
 * abusive ones). A connection in the middle of a request keeps its write timeout, so that a request waiting in the
 * admission queue or for the LLM is not cut short.
 */
public final class PressureMonitor extends LowResourceMonitor {
    private static final int PERIOD_MILLIS = 1_000;

    private final Server server;

    public PressureMonitor(Server server, NetworkConnectionLimit connections, Duration lowResourcesIdleTimeout) {
        super(server);
        this.server = server;
        int threshold = Math.max(1, connections.getMaxNetworkConnectionCount() * 3 / 4);
        setMonitorThreads(true);
        addLowResourceCheck(new LowResourceCheck() {
            @Override
            public boolean isLowOnResources() {
                return connections.getNetworkConnectionCount() >= threshold;
            }

            @Override
            public String getReason() {
                return "open connections at " + connections.getNetworkConnectionCount() + " of "
                        + connections.getMaxNetworkConnectionCount() + " (pressure from " + threshold + ")";
            }
        });
        setAcceptingInLowResources(true);
        setLowResourcesIdleTimeout((int) lowResourcesIdleTimeout.toMillis());
        setPeriod(PERIOD_MILLIS);
        // Jetty re-applies the short timeout once this long under pressure has passed, then at every check.
        setMaxLowResourcesTime(PERIOD_MILLIS);
    }

    @Override
    protected void setLowResources() {
        forEachEndPointBetweenRequests((connector, endPoint) -> endPoint.setIdleTimeout(getLowResourcesIdleTimeout()));
    }

    @Override
    protected void clearLowResources() {
        forEachEndPointBetweenRequests((connector, endPoint) -> endPoint.setIdleTimeout(connector.getIdleTimeout()));
    }

    private void forEachEndPointBetweenRequests(BiConsumer<Connector, EndPoint> action) {
        for (Connector connector : server.getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                boolean inRequest = endPoint.getConnection() instanceof HttpConnection http
                        && http.getHttpChannel().getRequest() != null;
                if (!inRequest) {
                    action.accept(connector, endPoint);
                }
            }
        }
    }
}
