package io.combot.adapter.in.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * HTTP/1.1 connections with the one deadline Jetty lacks: the request head (request line and headers) must arrive
 * whole within {@code headerTimeout} of its first byte, however slowly it trickles. Jetty's idle timeout restarts at
 * every byte, so without this a client sending a header byte every 2 s holds its connection for ever. Past the
 * deadline the connection is answered 408 and closed.
 *
 * <p>It also counts, on {@code /metrics}, the connections closed by each of the service's connection rules: the head
 * deadline, the idle timeout between requests (and its shortened form while Jetty's low-resource monitor says the
 * server is under pressure), and a response write that made no progress for the request's idle timeout (a client
 * that stopped reading; {@code HttpConfiguration#setIdleTimeout} is that write timeout).
 */
public final class DeadlineHttpConnectionFactory extends HttpConnectionFactory {
    static final String CLOSED_METER = "combot.http.connections.closed";

    private final Duration headerTimeout;
    private final BooleanSupplier underPressure;
    private final Counter headTimeouts;
    private final Counter idleTimeouts;
    private final Counter pressureIdleTimeouts;
    private final Counter writeTimeouts;

    public DeadlineHttpConnectionFactory(HttpConfiguration configuration, Duration headerTimeout,
                                  BooleanSupplier underPressure, MeterRegistry registry) {
        super(configuration);
        this.headerTimeout = headerTimeout;
        this.underPressure = underPressure;
        this.headTimeouts = closed(registry, "head_timeout", "the request head did not arrive within "
                + "COMBOT_HTTP_HEADER_TIMEOUT");
        this.idleTimeouts = closed(registry, "idle_timeout", "idle between requests for COMBOT_HTTP_IDLE_TIMEOUT");
        this.pressureIdleTimeouts = closed(registry, "low_resources_idle_timeout",
                "idle between requests for COMBOT_HTTP_LOW_RESOURCES_IDLE_TIMEOUT while the server was under pressure");
        this.writeTimeouts = closed(registry, "write_timeout", "a response write made no progress for "
                + "COMBOT_HTTP_WRITE_TIMEOUT (the client stopped reading)");
    }

    private static Counter closed(MeterRegistry registry, String reason, String description) {
        return Counter.builder(CLOSED_METER).tag("reason", reason)
                .description("Connections the service closed, by the rule that closed them: " + description)
                .register(registry);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        DeadlineHttpConnection connection = new DeadlineHttpConnection(getHttpConfiguration(), connector, endPoint);
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    private final class DeadlineHttpConnection extends HttpConnection {
        /** Marks a head whose deadline passed: it is never handled, even if its last byte arrives now. */
        private static final Object EXPIRED = new Object();

        /** Null between requests, the running {@link HeadDeadline} while a head arrives, or {@link #EXPIRED}. */
        private final AtomicReference<Object> head = new AtomicReference<>();

        DeadlineHttpConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                // Jetty's parser calls this whenever it waits for a new request, with or without bytes: the clock
                // starts at the first byte, so a silent kept-alive connection is left to the idle timeout.
                @Override
                public void messageBegin() {
                    super.messageBegin();
                    if (head.get() == null && !isRequestBufferEmpty()) {
                        new HeadDeadline().start();
                    }
                }

                @Override
                public boolean headerComplete() {
                    if (!endHead()) {
                        return false;
                    }
                    return super.headerComplete();
                }

                @Override
                public void badMessage(HttpException failure) {
                    endHead();
                    super.badMessage(failure);
                }

                @Override
                public void earlyEOF() {
                    endHead();
                    super.earlyEOF();
                }
            };
        }

        /** Stops the head's clock; false when the deadline has already passed and the connection is being closed. */
        private boolean endHead() {
            Object current = head.get();
            if (current == EXPIRED) {
                return false;
            }
            if (current instanceof HeadDeadline deadline && head.compareAndSet(deadline, null)) {
                deadline.cancel();
            }
            return head.get() != EXPIRED;
        }

        @Override
        public boolean onIdleExpired(TimeoutException timeout) {
            if (getHttpChannel().getRequest() == null) {
                (underPressure.getAsBoolean() ? pressureIdleTimeouts : idleTimeouts).increment();
            } else if (getEndPoint() instanceof AbstractEndPoint endPoint && endPoint.getWriteFlusher().isPending()) {
                // Jetty fails the blocked write, which ends the request and closes the connection.
                writeTimeouts.increment();
            }
            return super.onIdleExpired(timeout);
        }

        @Override
        public void onClose(Throwable cause) {
            endHead();
            super.onClose(cause);
        }

        private final class HeadDeadline implements Runnable {
            private volatile Scheduler.Task task;

            void start() {
                // Set before the task can run; only this connection's parser thread starts a deadline.
                head.set(this);
                task = getConnector().getScheduler().schedule(this, headerTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }

            /** A close may come between {@link #start}'s two steps; the task then finds itself replaced and stops. */
            void cancel() {
                Scheduler.Task scheduled = task;
                if (scheduled != null) {
                    scheduled.cancel();
                }
            }

            @Override
            public void run() {
                if (!head.compareAndSet(this, EXPIRED)) {
                    return;
                }
                headTimeouts.increment();
                // No request exists yet, so no response is being written: the 408 goes straight to the socket.
                EndPoint endPoint = getEndPoint();
                byte[] body = Problems.json(408, "The request head did not arrive within "
                        + headerTimeout.toMillis() + " ms");
                String status = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problems.MEDIA_TYPE
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
                try {
                    endPoint.write(Callback.from(endPoint::close, endPoint::close),
                            ByteBuffer.wrap(status.getBytes(StandardCharsets.US_ASCII)), ByteBuffer.wrap(body));
                } catch (RuntimeException e) {
                    endPoint.close(e);
                }
            }
        }
    }
}
