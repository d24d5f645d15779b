package io.combot.adapter.out.llm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the LLM on loopback that answers every chat completion with one canned reply, whole or streamed as
 * the request asks, so that the client's code for both can run once before the first real reply without a paid call.
 */
final class CannedLlmServer implements AutoCloseable {
    private static final String COMPLETION = """
            {"id": "warm-up", "object": "chat.completion", "created": 0, "model": "warm-up",
             "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                          "message": {"role": "assistant", "content": "Hello.", "refusal": null}}],
             "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}""".replace("\n", "");
    private static final String CHUNK = "{\"id\": \"warm-up\", \"object\": \"chat.completion.chunk\", \"created\": 0, "
            + "\"model\": \"warm-up\", \"choices\": %s%s}";
    private static final String STREAM = event(CHUNK.formatted(
            "[{\"index\": 0, \"delta\": {\"role\": \"assistant\", \"content\": \"Hel\"}, \"finish_reason\": null}]", ""))
            + event(CHUNK.formatted("[{\"index\": 0, \"delta\": {\"content\": \"lo.\"}, \"finish_reason\": \"stop\"}]", ""))
            + event(CHUNK.formatted("[]",
                    ", \"usage\": {\"prompt_tokens\": 1, \"completion_tokens\": 1, \"total_tokens\": 2}"))
            + event("[DONE]");

    private final HttpServer server;

    private CannedLlmServer(HttpServer server) {
        this.server = server;
    }

    static CannedLlmServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean streamed = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    .contains("\"stream\":true");
            byte[] body = (streamed ? STREAM : COMPLETION).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", streamed ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new CannedLlmServer(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }
}
