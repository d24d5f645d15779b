package io.combot.adapter.out.llm;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** What an openai-java failure means for retrying: whether it may pass, and how long the server asked us to wait. */
final class UpstreamFailures {
    private UpstreamFailures() {
    }

    /** Rate limits, server errors and broken connections pass; a bad request or a bad key does not. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof OpenAIServiceException service) {
            int status = service.statusCode();
            return status == 429 || status >= 500;
        }
        // Not OpenAIInvalidDataException: a server that sent malformed JSON would most likely send it again.
        return failure instanceof OpenAIIoException || failure instanceof UncheckedIOException;
    }

    /** The server's {@code retry-after-ms}, else its {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Throwable failure) {
        if (!(failure instanceof OpenAIServiceException service)) {
            return Optional.empty();
        }
        Headers headers = service.headers();
        Optional<String> millis = first(headers.values("retry-after-ms"));
        if (millis.isPresent()) {
            return parse(millis.get(), true);
        }
        return first(headers.values("retry-after")).flatMap(value -> parse(value, false));
    }

    /** A short description for logs and exception messages: the status or the I/O error, never request data. */
    static String describe(Throwable failure) {
        if (failure instanceof OpenAIServiceException service) {
            return "HTTP " + service.statusCode() + " (" + service.getClass().getSimpleName() + ")";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return failure.getClass().getSimpleName()
                + (root == failure ? "" : " caused by " + root.getClass().getSimpleName())
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static Optional<String> first(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    private static Optional<Duration> parse(String value, boolean millis) {
        try {
            long amount = Long.parseLong(value);
            return amount < 0 ? Optional.empty()
                    : Optional.of(millis ? Duration.ofMillis(amount) : Duration.ofSeconds(amount));
        } catch (NumberFormatException notANumber) {
            if (millis) {
                return Optional.empty();
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
