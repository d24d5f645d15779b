package io.combot.adapter.out.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A small bot's files: two intents of a shop, and (with no crisis example of its own) the shipped crisis examples. */
final class ShopBot {
    /** intents[1].route is line 8; the intents come last, so that a test can append one. */
    static final String YAML = """
            name: shop
            fallback_reply: The shop's own fallback.
            intents:
              - name: order_status
                route: reply
                replies: ["It is on its way."]
              - name: cancel_account
                route: llm
            """;

    private ShopBot() {
    }

    /** {@code orders} lines of order_status (lines 1..orders), then {@code cancels} of cancel_account. */
    static String train(int orders, int cancels) {
        return numbered("order_status", "Where is my order", orders)
                + numbered("cancel_account", "Please cancel my account", cancels);
    }

    static String numbered(String intent, String text, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> intent + "\t" + text + " " + i + "\n")
                .collect(Collectors.joining());
    }

    /** Writes bot.yaml and train.tsv into {@code dir}; a small bot that trains in seconds. */
    static void write(Path dir, String yaml, String train) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bot.yaml"), yaml, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("train.tsv"), train, StandardCharsets.UTF_8);
    }
}
