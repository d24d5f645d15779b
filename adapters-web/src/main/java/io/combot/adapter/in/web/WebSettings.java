package io.combot.adapter.in.web;

/**
 * @param maxBodyBytes    largest request body accepted; larger ones are refused with 413 before they are parsed
 * @param bodyBudgetBytes the request bodies all requests together may hold in memory; past it a request with a body
 *                        is refused with 503 before any of it is read
 */
public record WebSettings(int maxBodyBytes, long bodyBudgetBytes) {
    public WebSettings {
        if (maxBodyBytes < 1_024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, not " + maxBodyBytes);
        }
        if (bodyBudgetBytes <= maxBodyBytes) {
            throw new IllegalArgumentException("The body budget (" + bodyBudgetBytes + " bytes) must hold more than "
                    + "one body of the limit (" + maxBodyBytes + " bytes): raise COMBOT_HTTP_BODY_BUDGET_PERCENT or "
                    + "the heap, or lower COMBOT_MAX_BODY_BYTES");
        }
    }

    /** A budget of {@code percent} of {@code maxHeapBytes}, the heap the JVM may grow to. */
    public static WebSettings ofHeap(int maxBodyBytes, int percent, long maxHeapBytes) {
        if (percent < 1 || percent > 50) {
            throw new IllegalArgumentException("COMBOT_HTTP_BODY_BUDGET_PERCENT must be 1 to 50, not " + percent);
        }
        return new WebSettings(maxBodyBytes, maxHeapBytes / 100 * percent);
    }
}
