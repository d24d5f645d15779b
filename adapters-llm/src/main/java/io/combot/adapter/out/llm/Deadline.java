package io.combot.adapter.out.llm;

import java.time.Duration;

/** The end of one reply's time budget, on the monotonic clock. */
record Deadline(long nanos) {
    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Zero once passed, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }
}
