package io.combot.adapter.out.persistence;

import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.Intent;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.SessionId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The column forms of domain values, used by the MapStruct mappers for every field of a matching type. Instants are
 * stored as epoch milliseconds (a BIGINT keeps millisecond precision on SQLite and PostgreSQL alike); classifier scores
 * as a compact JSON object of intent name to probability in the model's order, e.g.
 * {@code {"question":0.87,"smalltalk":0.13}}.
 */
final class StoredValues {
    private StoredValues() {
    }

    static long epochMillis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    static SessionId sessionId(String value) {
        return new SessionId(value);
    }

    static MessageId messageId(String value) {
        return new MessageId(value);
    }

    static ClientMessageId clientMessageId(String value) {
        return new ClientMessageId(value);
    }

    static String label(Intent intent) {
        return intent.label();
    }

    static Intent intent(String label) {
        return Intent.of(label);
    }

    static String scores(Map<Intent, Double> scores) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        scores.forEach((intent, score) -> json.add('"' + intent.label() + "\":" + score));
        return json.toString();
    }

    /** Reads what {@link #scores(Map)} wrote; anything else is a corrupt row. */
    static Map<Intent, Double> scores(String json) {
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalStateException("Stored scores are not a JSON object: " + json);
        }
        String body = json.substring(1, json.length() - 1);
        Map<Intent, Double> scores = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return scores;
        }
        for (String entry : body.split(",")) {
            int colon = entry.indexOf(':');
            if (colon < 2 || entry.charAt(0) != '"' || entry.charAt(colon - 1) != '"') {
                throw new IllegalStateException("Stored scores hold a malformed entry: " + entry);
            }
            scores.put(Intent.of(entry.substring(1, colon - 1)), Double.valueOf(entry.substring(colon + 1)));
        }
        return scores;
    }
}
