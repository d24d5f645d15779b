package io.combot.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: the request line is not normalised or escaped as a client
 * library would, so that hostile paths and bodies reach the server as an attacker would send them. The body is
 * written on its own thread so that a server that answers before reading all of it (413) is heard. Every answer is
 * held to the published OpenAPI document ({@link OpenApiContract}), as {@link Api}'s are.
 */
final class RawHttp {
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends one request on a new connection; a server that answers nothing within 30 s fails the caller. */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws Exception {
        String framing = body == null ? "" : "Content-Length: " + body.length + "\r\n";
        return exchange(method, target, headers, framing, body);
    }

    /** Sends the body chunked, {@code chunkSize} bytes a chunk, so that no length is declared. */
    Answer sendChunked(String method, String target, Map<String, String> headers, byte[] body, int chunkSize)
            throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += chunkSize) {
            int size = Math.min(chunkSize, body.length - at);
            wire.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            wire.write(body, at, size);
            wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        wire.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return exchange(method, target, headers, "Transfer-Encoding: chunked\r\n", wire.toByteArray());
    }

    private Answer exchange(String method, String target, Map<String, String> headers, String framing, byte[] wire)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n" + framing);
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    if (wire != null) {
                        out.write(wire);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the server answered and closed before taking the whole body: its answer is what counts
                }
            }, "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            byte[] raw = readAnswer(socket.getInputStream());
            writer.join(30_000);
            Answer answer = parse(raw);
            Map<String, List<String>> headerLists = new LinkedHashMap<>();
            answer.headers().forEach((name, value) -> headerLists.put(name, List.of(value)));
            OpenApiContract.check(method, target, answer.status(), headerLists, answer.body());
            return answer;
        }
    }

    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8_192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer arrived (the unread part of a refused body): keep what was read
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IllegalStateException("No complete answer: " + new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
