package io.combot.bootstrap.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running service over real HTTP, as any client would talk to it. Every answer is held to the
 * published OpenAPI document ({@link OpenApiContract}) before the test sees it.
 */
final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;

    Api(int port) {
        this(port, null);
    }

    /** A client that sends {@code key} as its bearer client key. */
    Api(int port, String key) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.key = key;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(String method, String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** {@code POST /api/v1/classify}: the classification, which must come with a 200. */
    JsonNode classify(String text) {
        Reply reply = postJson("/api/v1/classify", json(Map.of("text", text)));
        if (reply.status() != 200) {
            throw new IllegalStateException("classify answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /**
     * The reply of a session's first turn once the service has stored it, asked for until {@code timeout}: a streamed
     * turn is stored after its stream ends, which the client may not wait for.
     */
    JsonNode awaitFirstReply(String session, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = get("/api/v1/sessions/" + session + "/messages").json().get("items");
            if (items.size() == 2) {
                return items.get(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first turn of session " + session + " was never stored");
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            OpenApiContract.check(sent.method(), sent.uri().getRawPath(), response.statusCode(),
                    response.headers().map(), response.body());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
