package io.combot.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The HTTP server's bounds: a bounded worker pool, a cap on requests handled at once and a bounded, timed queue in
 * front of it, so that overload queues a little and then refuses with 503 instead of growing without limit; and
 * deadlines for each part of a connection's life (request head, body, a blocked write, idle, idle under pressure), so
 * that a slow or silent client costs a connection for a bounded time and never a worker for long.
 */
record ServerSettings(String bind, int port, int minThreads, int maxThreads, int maxConcurrentRequests,
                      int queueCapacity, Duration queueTimeout, Duration idleTimeout, Duration shutdownTimeout,
                      Duration bodyTimeout, int maxConnections, Duration headerTimeout, Duration writeTimeout,
                      Duration lowResourcesIdleTimeout) {
    ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("COMBOT_PORT must be between 0 and 65535, not " + port);
        }
        if (minThreads < 1 || maxThreads < minThreads) {
            throw new IllegalArgumentException("COMBOT_HTTP_MIN_THREADS must be at least 1 and at most COMBOT_HTTP_MAX_THREADS");
        }
        if (maxConcurrentRequests < 1 || maxConcurrentRequests >= maxThreads) {
            throw new IllegalArgumentException("COMBOT_HTTP_MAX_CONCURRENT_REQUESTS must be at least 1 and below "
                    + "COMBOT_HTTP_MAX_THREADS, which also serves Jetty's own selector and acceptor tasks");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("COMBOT_HTTP_QUEUE_CAPACITY must not be negative");
        }
        requirePositive(bodyTimeout, "COMBOT_HTTP_BODY_TIMEOUT");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("COMBOT_HTTP_MAX_CONNECTIONS must be at least 1");
        }
        requirePositive(headerTimeout, "COMBOT_HTTP_HEADER_TIMEOUT");
        requirePositive(writeTimeout, "COMBOT_HTTP_WRITE_TIMEOUT");
        requirePositive(lowResourcesIdleTimeout, "COMBOT_HTTP_LOW_RESOURCES_IDLE_TIMEOUT");
    }

    private static void requirePositive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }

    /** True when {@link #bind} is a loopback address, which no other machine can reach. */
    boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("COMBOT_BIND names " + bind + ", which is no address of this machine",
                    e);
        }
    }
}
