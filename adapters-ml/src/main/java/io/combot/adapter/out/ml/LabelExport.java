package io.combot.adapter.out.ml;

import io.combot.domain.error.UnreadableLabelsException;
import io.combot.domain.model.LabelledText;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Arrays;
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
    /** Far above any export a team reviews by hand (a million labels of 60 characters), far below the heap. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    /** Of an error answer, enough for its one-line message. */
    private static final int ERROR_BYTES = 4096;

    LabelExport {
        bytes = bytes.clone();
    }

    /** {@code adminToken} may be null: a URL is then fetched without it. */
    static LabelExport read(String fileOrUrl, String adminToken) {
        String lower = fileOrUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? fetch(fileOrUrl, adminToken)
                : readFile(fileOrUrl);
    }

    private static LabelExport readFile(String file) {
        try {
            Path path = Path.of(file).toAbsolutePath();
            return new LabelExport(path.toString(), Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new UnreadableLabelsException("the labels file " + Path.of(file).toAbsolutePath() + " does not exist");
        } catch (IOException | InvalidPathException e) {
            throw new UnreadableLabelsException("cannot read the labels file " + file + ": " + e.getMessage());
        }
    }

    private static LabelExport fetch(String url, String adminToken) {
        HttpRequest.Builder request;
        URI uri;
        try {
            uri = URI.create(url);
            request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).GET();
        } catch (IllegalArgumentException e) {
            throw new UnreadableLabelsException("the labels URL " + url + " is not a valid URL: " + e.getMessage());
        }
        // The admin token goes in clear over plain http: only to this machine, never across a network.
        if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
            throw new UnreadableLabelsException("the labels URL " + url + " is plain http to another machine, which "
                    + "would send COMBOT_ADMIN_TOKEN in clear: use https, or http to 127.0.0.1 or localhost only");
        }
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        // Redirects are not followed (the client's default), so the token goes to the host it was meant for only.
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new UnreadableLabelsException("cannot connect to " + url + " (connection refused): is the service "
                    + "running there?");
        } catch (HttpTimeoutException e) {
            throw new UnreadableLabelsException("no answer from " + url + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UnreadableLabelsException("cannot fetch the labels from " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableLabelsException("interrupted while fetching the labels from " + url);
        }
        return switch (response.statusCode()) {
            case 200 -> new LabelExport(url, body(response, MAX_BYTES, url));
            case 401 -> throw new UnreadableLabelsException(url + " answered 401 Unauthorized: "
                    + (adminToken == null ? "set COMBOT_ADMIN_TOKEN to the service's admin token"
                    : "the service did not take the Authorization header"));
            case 403 -> throw new UnreadableLabelsException(url + " answered 403 Forbidden: "
                    + (adminToken == null ? "set COMBOT_ADMIN_TOKEN to the service's admin token"
                    : "the service refused COMBOT_ADMIN_TOKEN (not its admin token, or its admin endpoints are off)"));
            default -> throw new UnreadableLabelsException(url + " answered " + response.statusCode() + ": "
                    + LabelledText.abbreviate(new String(body(response, ERROR_BYTES, url), StandardCharsets.UTF_8)
                    .strip()
                    .replaceAll("\\s+", " ")));
        };
    }

    /** The body, up to {@code max} bytes: a larger answer to a 200 is no export of labels and is left unread. */
    private static byte[] body(HttpResponse<InputStream> response, int max, String url) {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max && response.statusCode() == 200) {
                throw new UnreadableLabelsException(url + " answered more than " + max / (1024 * 1024)
                        + " MB, which is no export of labels");
            }
            return body.length > max ? Arrays.copyOf(body, max) : body;
        } catch (IOException e) {
            throw new UnreadableLabelsException("cannot read the labels from " + url + ": " + e);
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1") || name.startsWith("127.");
    }
}
