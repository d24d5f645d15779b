package io.combot.adapter.in.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held in memory by all requests together. A request reserves what it may keep before
 * its first byte is read and gives it back when its answer is done; past the budget it is turned away (503), so that
 * many callers each sending a body just under the limit cannot fill the heap between them.
 */
final class BodyBudget {
    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Whether {@code bytes} more fit; if so they are reserved. */
    boolean reserve(long bytes) {
        long before = reserved.getAndAccumulate(bytes, (held, more) -> held + more <= capacity ? held + more : held);
        return before + bytes <= capacity;
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    long reserved() {
        return reserved.get();
    }
}
