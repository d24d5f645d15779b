package io.combot.adapter.out.ml;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The labels that {@code bin/combot train --labels} merges, in train.tsv's format: a file, or the service's export
 * ({@code GET /admin/labels.tsv}) fetched with {@code Authorization: Bearer <COMBOT_ADMIN_TOKEN>}.
 *
 * @param name the file or URL, for messages
 */
record LabelExport(String name, byte[] bytes) {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);

    /** Thrown when the labels cannot be had at all; the message is one line for the operator. */
    static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message);
        }
    }

    LabelExport {
        bytes = bytes.clone();
    }

    /** {@code adminToken} may be null: a URL is then fetched without it. */
    static LabelExport read(String fileOrUrl, String adminToken) {
        String lower = fileOrUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? fetch(fileOrUrl, adminToken)
                : readFile(fileOrUrl);
    }

    List<LabelledText> labels() {
        return LabelledText.parse(bytes, name);
    }

    private static LabelExport readFile(String file) {
        try {
            Path path = Path.of(file).toAbsolutePath();
            return new LabelExport(path.toString(), Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new UnreadableException("the labels file " + Path.of(file).toAbsolutePath() + " does not exist");
        } catch (IOException | InvalidPathException e) {
            throw new UnreadableException("cannot read the labels file " + file + ": " + e.getMessage());
        }
    }

    private static LabelExport fetch(String url, String adminToken) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT).GET();
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("the labels URL " + url + " is not a valid URL: " + e.getMessage());
        }
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        // Redirects are not followed (the client's default), so the token goes to the host it was meant for only.
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new UnreadableException("cannot connect to " + url + " (connection refused): is the service "
                    + "running there?");
        } catch (HttpTimeoutException e) {
            throw new UnreadableException("no answer from " + url + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UnreadableException("cannot fetch the labels from " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableException("interrupted while fetching the labels from " + url);
        }
        return switch (response.statusCode()) {
            case 200 -> new LabelExport(url, response.body());
            case 401 -> throw new UnreadableException(url + " answered 401 Unauthorized: "
                    + (adminToken == null ? "set COMBOT_ADMIN_TOKEN to the service's admin token"
                    : "the service did not take the Authorization header"));
            case 403 -> throw new UnreadableException(url + " answered 403 Forbidden: "
                    + (adminToken == null ? "set COMBOT_ADMIN_TOKEN to the service's admin token"
                    : "the service refused COMBOT_ADMIN_TOKEN (not its admin token, or its admin endpoints are off)"));
            default -> throw new UnreadableException(url + " answered " + response.statusCode() + ": "
                    + LabelledText.abbreviate(new String(response.body(), StandardCharsets.UTF_8).strip()
                    .replaceAll("\\s+", " ")));
        };
    }
}
