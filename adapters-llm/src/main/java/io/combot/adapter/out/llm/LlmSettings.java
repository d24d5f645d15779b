package io.combot.adapter.out.llm;

import java.time.Duration;

/**
 * How the reply generator talks to an LLM. With no {@code apiKey} (null or blank) the offline responder answers
 * instead. {@link #toString()} masks the key, so the settings may be logged.
 *
 * @param apiKey              the API key sent as a bearer token; null or blank selects the offline responder
 * @param baseUrl             any OpenAI-compatible chat-completions server, up to and including {@code /v1}
 * @param model               the model name the server knows
 * @param temperature         sampling temperature, 0 to 2
 * @param maxOutputTokens     the most tokens one reply may have
 * @param connectTimeout      to open a connection to the server
 * @param requestTimeout      the whole budget of one reply, retries and streaming included
 * @param maxConcurrentCalls  replies generated at once (the bulkhead); more wait, then are refused
 * @param maxWaitForSlot      how long a reply waits for a free slot before it is refused with a retry-after
 * @param maxRetries          retries after the first attempt, on 429, 5xx and I/O errors, before the first token
 * @param contextBudgetChars  characters of earlier conversation sent along, newest messages first
 * @param circuitOpenDuration how long the circuit stays open after it trips, before one probe call may pass
 */
public record LlmSettings(
        String apiKey,
        String baseUrl,
        String model,
        double temperature,
        int maxOutputTokens,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxConcurrentCalls,
        Duration maxWaitForSlot,
        int maxRetries,
        int contextBudgetChars,
        Duration circuitOpenDuration) {

    public LlmSettings {
        require(baseUrl != null && !baseUrl.isBlank(), "The LLM base URL must not be blank");
        require(model != null && !model.isBlank(), "The LLM model must not be blank");
        require(temperature >= 0 && temperature <= 2, "The LLM temperature must be between 0 and 2");
        require(maxOutputTokens > 0, "The LLM max output tokens must be positive");
        require(positive(connectTimeout), "The LLM connect timeout must be positive");
        require(positive(requestTimeout), "The LLM request timeout must be positive");
        require(maxConcurrentCalls > 0, "The LLM max concurrent calls must be positive");
        require(maxWaitForSlot != null && !maxWaitForSlot.isNegative(), "The LLM max wait for a slot must be >= 0");
        require(maxRetries >= 0, "The LLM max retries must be zero or more");
        require(contextBudgetChars >= 0, "The LLM context budget must be zero or more characters");
        require(positive(circuitOpenDuration), "The LLM circuit open duration must be positive");
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "LlmSettings[apiKey=" + (hasApiKey() ? "****" : "(none)") + ", baseUrl=" + baseUrl + ", model=" + model
                + ", temperature=" + temperature + ", maxOutputTokens=" + maxOutputTokens
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxConcurrentCalls=" + maxConcurrentCalls + ", maxWaitForSlot=" + maxWaitForSlot
                + ", maxRetries=" + maxRetries + ", contextBudgetChars=" + contextBudgetChars
                + ", circuitOpenDuration=" + circuitOpenDuration + "]";
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isZero() && !duration.isNegative();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
