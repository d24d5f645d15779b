package io.combot.adapter.in.web;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.springframework.http.HttpStatus;

/**
 * Waits for a request's whole body, without holding a thread, before the request may take one of the bounded
 * handling slots: a client that trickles its body (a byte a second) then costs a connection, not a worker, and is
 * answered 408 when its body has not arrived within {@code deadline}. It runs after {@link HeadGate}, so only callers
 * let in get this far, and it reserves what it keeps in the {@link BodyBudget} first (503 with {@code Retry-After}
 * when that is spent), so that all the bodies held at once stay within a share of the heap.
 *
 * <p>What is kept: a declared body within the limit, whole; a chunked body up to one byte past the limit, so that the
 * body-limit filter sees it is too large; of a body declared too large, nothing (its length says so). An oversized
 * body is still read, and dropped, up to {@link #DRAIN_FACTOR} times the limit before its 413: a client that is still
 * sending when the server answers and closes gets a reset connection instead of its answer. A body declared larger
 * than that, or over the limit with {@code Expect: 100-continue} (its client waits to be asked for it), passes
 * straight on, unread, for the same answer.
 *
 * <p>It never refuses a body as too large: {@link BodyLimitFilter} owns the 413, in the path's error shape; both take
 * the limit from {@link WebSettings}.
 */
final class WholeBodyHandler extends Handler.Wrapper {
    private static final int DRAIN_FACTOR = 16;

    private static final long RETRY_AFTER_SECONDS = 1;

    private final int maxBytes;
    private final long drainLimit;
    private final BodyBudget budget;
    private final Refusals refusals;
    private final Duration deadline;

    WholeBodyHandler(Handler next, int maxBytes, BodyBudget budget, Refusals refusals, Duration deadline) {
        super(next);
        this.maxBytes = maxBytes;
        this.drainLimit = (long) DRAIN_FACTOR * maxBytes;
        this.budget = budget;
        this.refusals = refusals;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        HttpFields headers = request.getHeaders();
        boolean chunked = length < 0 && headers.contains(HttpHeader.TRANSFER_ENCODING);
        boolean oversizedAwaitingContinue = length > maxBytes
                && headers.contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        if ((length <= 0 && !chunked) || length > drainLimit || oversizedAwaitingContinue) {
            return super.handle(request, response, callback);
        }
        int keep = chunked ? maxBytes + 1 : length <= maxBytes ? (int) length : 0;
        if (!budget.reserve(keep)) {
            refusals.answer(request, response, callback, Refusal.retryLater(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is holding as many request bodies as its memory allows; retry after "
                            + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS));
            return true;
        }
        new BodyReader(request, response, Callback.from(() -> budget.release(keep), callback), keep).start();
        return true;
    }

    /**
     * Reads on demand; whichever comes first, the end of the body, the drain limit or the deadline, settles the
     * request.
     */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final byte[] body;
        private final AtomicBoolean settled = new AtomicBoolean();
        private int kept;
        private long received;
        private Scheduler.Task timeout;

        BodyReader(Request request, Response response, Callback callback, int keep) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new byte[keep];
        }

        void start() {
            timeout = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (settle()) {
                        Response.writeError(request, response, callback, chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                received += bytes.remaining();
                int more = Math.min(body.length - kept, bytes.remaining());
                bytes.get(body, kept, more);
                kept += more;
                boolean last = chunk.isLast();
                chunk.release();
                if (last || received > drainLimit) {
                    if (settle()) {
                        handleNext();
                    }
                    return;
                }
            }
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            timeout.cancel();
            return true;
        }

        /** A body already over the limit gets its 413 rather than a 408 for the part that never came. */
        private void expire() {
            if (!settle()) {
                return;
            }
            if (received > maxBytes) {
                // Not on the scheduler's thread: every other timeout of the server waits while it runs.
                request.getContext().execute(this::handleNext);
            } else {
                Response.writeError(request, response, callback, org.eclipse.jetty.http.HttpStatus.REQUEST_TIMEOUT_408,
                        "The request body did not arrive within " + deadline.toMillis() + " ms");
            }
        }

        private void handleNext() {
            Request buffered = new BufferedBodyRequest(request, ByteBuffer.wrap(body, 0, kept));
            try {
                if (!getHandler().handle(buffered, response, callback)) {
                    Response.writeError(buffered, response, callback, org.eclipse.jetty.http.HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable e) {
                Response.writeError(buffered, response, callback, e);
            }
        }
    }

    /** The request with its body replayed from memory. */
    private static final class BufferedBodyRequest extends Request.Wrapper {
        private final ByteBufferContentSource body;

        BufferedBodyRequest(Request request, ByteBuffer body) {
            super(request);
            this.body = new ByteBufferContentSource(body);
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }
    }
}
