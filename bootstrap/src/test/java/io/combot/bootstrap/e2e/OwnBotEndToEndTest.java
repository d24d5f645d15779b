package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.BotCommands;
import io.combot.bootstrap.CombotServer;
import io.combot.bootstrap.CombotSettings;
import io.combot.bootstrap.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A team's own bot, as a new user makes one: a copy of the shipped bot ({@code new-bot}) with two intents of its own
 * (data in {@code bots/shop-extension/}), trained once for the class, then served over HTTP and hot-swapped into a
 * running service under traffic.
 */
class OwnBotEndToEndTest {
    private static final String TOKEN = "admin-token-for-the-bot-test";
    private static final List<String> NEW_INTENTS = List.of("order_status", "cancel_account");
    /**
     * Shipped examples that the new intents cover, which the training report lists as reading as them: moved to them,
     * as docs/bots.md's worked example does.
     */
    private static final Map<String, String> MOVED = Map.of(
            "Where is my order?", "order_status",
            "When will my package arrive?", "order_status",
            "How do I track my parcel?", "order_status",
            "Is my order shipped yet?", "order_status",
            "How do I delete my account?", "cancel_account",
            "my order number is 48213, when will it arrive?", "order_status",
            "How can I track my package", "order_status",
            "How do I delete my account permanently?", "cancel_account");

    @TempDir
    static Path shared;
    private static Path shop;
    private static List<String[]> unseen;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void trainTheShopBot() throws Exception {
        shop = shared.resolve("shop");
        assertThat(BotCommands.newBot(shop, System.out, System.err)).isZero();
        Path extension = Path.of(OwnBotEndToEndTest.class.getResource("/bots/shop-extension").toURI());
        for (String file : List.of("train.tsv", "heldout.tsv")) {
            List<String> lines = Files.readAllLines(shop.resolve(file)).stream().map(OwnBotEndToEndTest::moved)
                    .collect(Collectors.toCollection(ArrayList::new));
            lines.addAll(Files.readAllLines(extension.resolve(file)));
            Files.write(shop.resolve(file), lines);
        }
        String yaml = Files.readString(shop.resolve("bot.yaml"));
        Files.writeString(shop.resolve("bot.yaml"), yaml.replaceFirst("(?m)^intents:\\n",
                "intents:\n" + Files.readString(extension.resolve("bot-intents.yaml")).replace("$", "\\$")));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit = BotCommands.train(shop, false, null, null, CombotSettings.from(Map.of()).classifier(),
                CombotSettings.from(Map.of()).knowledge(),
                new PrintStream(log, true, StandardCharsets.UTF_8), System.err);
        System.out.printf("trained the shop bot in %.1f s%n%s", (System.nanoTime() - started) / 1e9, log);

        assertThat(exit).as(log.toString()).isZero();
        assertThat(log.toString()).contains("promotion gate passed", "embedding training texts")
                .doesNotContain("'Where is my order?' is under question");
        assertThat(Files.readString(shop.resolve("model/report.txt"))).contains("evaluation (heldout)", "order_status");
        unseen = Files.readAllLines(extension.resolve("heldout.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t", 2)).toList();
    }

    @Test
    void theNewIntentsAreRecognisedAndAnsweredAsBotYamlSays() throws Exception {
        try (CombotServer server = InProcessService.start(dataDir, Map.of("COMBOT_BOT_DIR", shop.toString()))) {
            Api api = new Api(server.port());
            for (String intent : NEW_INTENTS) {
                List<String> texts = unseen.stream().filter(row -> row[0].equals(intent)).map(row -> row[1]).toList();
                long recognised = texts.stream().filter(text -> intent.equals(api.classify(text).get("intent")
                        .asString())).count();
                System.out.printf("%s: %d of %d unseen sentences recognised%n", intent, recognised, texts.size());
                assertThat(recognised).as(intent).isGreaterThanOrEqualTo(Math.round(texts.size() * 0.8));
            }
            String session = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();

            JsonNode order = send(api, session, "hey, where is my parcel? order 55512 hasn't shown up");
            JsonNode cancel = send(api, session, "please delete my account and all my data");
            JsonNode hello = send(api, session, "Hello there!");

            assertThat(order.at("/userMessage/intent").asString()).isEqualTo("order_status");
            assertThat(order.at("/reply/route").asString()).isEqualTo("fast_path");
            assertThat(order.at("/reply/content").asString()).startsWith("You can follow your order at");
            assertThat(cancel.at("/userMessage/intent").asString()).isEqualTo("cancel_account");
            assertThat(cancel.at("/reply/route").asString()).isEqualTo("offline");
            assertThat(cancel.at("/reply/content").asString()).startsWith("To close your account, open Settings");
            assertThat(hello.at("/reply/content").asString()).isEqualTo("Hello! How can I help you today?");
        }
    }

    @Test
    void aNewBotIsSwappedInUnderTrafficWithoutOneFailedRequest() throws Exception {
        Path live = shared.resolve("live-" + System.nanoTime());
        assertThat(BotCommands.newBot(live, System.out, System.err)).isZero();
        Map<String, String> settings = Map.of("COMBOT_BOT_DIR", live.toString(), "COMBOT_ADMIN_TOKEN", TOKEN,
                "COMBOT_RATE_LIMIT_PER_SECOND", "100000", "COMBOT_RATE_LIMIT_BURST", "100000");
        try (CombotServer server = InProcessService.start(dataDir, settings)) {
            Api api = new Api(server.port());
            String before = api.classify("where is my parcel").get("modelVersion").asString();
            Traffic traffic = new Traffic(api, 6);
            traffic.runFor(1_500);

            copyBot(shop, live);
            Api.Reply reload = reload(api, "");
            traffic.runFor(1_500);
            traffic.stop();

            assertThat(reload.status()).as(reload.body()).isEqualTo(200);
            JsonNode swapped = reload.json();
            assertThat(swapped.get("previousModelVersion").asString()).isEqualTo(before);
            assertThat(swapped.get("modelVersion").asString()).isNotEqualTo(before);
            assertThat(swapped.get("gate").get("passed").asBoolean()).isTrue();
            assertThat(swapped.get("intents").toString()).contains("order_status", "cancel_account");
            System.out.printf("hot swap under traffic: %s%n", traffic.summary());
            assertThat(traffic.failures).as(traffic.summary()).isEmpty();
            assertThat(traffic.total.get()).isGreaterThan(20);
            JsonNode after = api.classify("where is my parcel? it has not arrived yet");
            assertThat(after.get("intent").asString()).isEqualTo("order_status");
            assertThat(after.get("modelVersion").asString()).isEqualTo(swapped.get("modelVersion").asString());
            assertThat(api.get("/health/ready").body()).contains(swapped.get("modelVersion").asString());
            assertThat(api.get("/metrics").body())
                    .contains("combot_bot_info{bot=\"combot-default\",model_version=\""
                            + swapped.get("modelVersion").asString() + "\"} 1\n")
                    .contains("combot_bot_reloads_total{outcome=\"ok\"} 1.0");
        }
    }

    @Test
    void aBrokenBotOrAWorseModelIsRefusedAndTheOldBotKeepsServing() throws Exception {
        Path live = shared.resolve("broken-" + System.nanoTime());
        copyBot(shop, live);
        try (CombotServer server = InProcessService.start(dataDir, Map.of("COMBOT_BOT_DIR", live.toString(),
                "COMBOT_ADMIN_TOKEN", TOKEN))) {
            Api api = new Api(server.port());
            String serving = api.classify("where is my parcel").get("modelVersion").asString();
            String yaml = Files.readString(live.resolve("bot.yaml"));
            Files.writeString(live.resolve("bot.yaml"), yaml.replace("route: reply", "route: teleport"));

            Api.Reply broken = reload(api, "");

            assertThat(broken.status()).isEqualTo(422);
            assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
            assertThat(broken.json().get("detail").asString()).contains(live.resolve("bot.yaml").toString(), "line",
                    "'teleport'");
            assertThat(api.classify("where is my parcel").get("modelVersion").asString()).isEqualTo(serving);

            Files.writeString(live.resolve("bot.yaml"), yaml);
            Path head = live.resolve("model/head.txt");
            // A model that never names crisis: the gate must refuse it, since it misses every crisis text.
            Files.writeString(head, Files.readString(head).replaceFirst("(?m)^crisis \\S+", "crisis -1000")
                    .replaceFirst("(?m)^crisis-head \\S+", "crisis-head -1000"));

            Api.Reply refused = reload(api, "");

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).contains("misses", "crisis texts");
            assertThat(refused.json().get("gate").get("passed").asBoolean()).isFalse();
            assertThat(refused.json().get("gate").get("candidate").get("crisisMissed").asInt()).isPositive();
            assertThat(api.classify("I want to end my life").get("intent").asString()).isEqualTo("crisis");

            Api.Reply forced = reload(api, "?force=true");

            assertThat(forced.status()).as(forced.body()).isEqualTo(200);
            assertThat(forced.json().get("gate").get("forced").asBoolean()).isTrue();
            assertThat(api.get("/metrics").body()).contains("combot_bot_reloads_total{outcome=\"invalid\"} 1.0",
                    "combot_bot_reloads_total{outcome=\"refused\"} 1.0");
        }
    }

    /**
     * A head copied in by hand that never names crisis yet keeps the evaluation line of a good one ("0 crisis texts
     * missed"): without a heldout.tsv the gate measures it on the shipped held-out crisis texts, so the claim is
     * never read.
     */
    @Test
    void aHandEditedHeadThatClaimsToCatchEveryCrisisIsMeasuredAndRefused() throws Exception {
        Path live = shared.resolve("claims-" + System.nanoTime());
        copyBot(shop, live);
        Files.delete(live.resolve("heldout.tsv"));
        try (CombotServer server = InProcessService.start(dataDir, Map.of("COMBOT_BOT_DIR", live.toString(),
                "COMBOT_ADMIN_TOKEN", TOKEN))) {
            Api api = new Api(server.port());
            String serving = api.classify("where is my parcel").get("modelVersion").asString();
            Path head = live.resolve("model/head.txt");
            String claims = Files.readString(head);
            assertThat(claims).containsPattern("(?m)^evaluation heldout \\d+ \\S+ \\S+ (\\d+) 0$");
            Files.writeString(head, claims.replaceFirst("(?m)^crisis \\S+", "crisis -1000")
                    .replaceFirst("(?m)^crisis-head \\S+", "crisis-head -1000"));

            Api.Reply refused = reload(api, "");

            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).contains("misses", "crisis texts");
            assertThat(refused.json().get("gate").get("candidate").get("crisisMissed").asInt()).isPositive();
            assertThat(api.classify("where is my parcel").get("modelVersion").asString()).isEqualTo(serving);
        }
    }

    @Test
    void theServiceRefusesToStartOnAnInvalidBotWithExitCodeTwo() throws Exception {
        Path missing = shared.resolve("no-such-bot");
        ServiceProcess refused = ServiceProcess.run(Map.of("COMBOT_BOT_DIR", missing.toString(), "COMBOT_PORT", "0",
                "COMBOT_DATA_DIR", dataDir.toString()));

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("The bot folder " + missing, "does not exist");
    }

    private static String moved(String line) {
        String[] fields = line.split("\t", 2);
        return fields.length == 2 && MOVED.containsKey(fields[1]) ? MOVED.get(fields[1]) + "\t" + fields[1] : line;
    }

    private static JsonNode send(Api api, String session, String content) {
        Api.Reply reply = api.postJson("/api/v1/sessions/" + session + "/messages", Api.json(Map.of("content", content)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Api.Reply reload(Api api, String query) {
        return api.send(HttpRequest.newBuilder(api.uri("/admin/bot/reload" + query))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Every file of the bot, the model last, as an operator would copy a trained bot into the served folder. */
    private static void copyBot(Path from, Path to) throws IOException {
        for (String file : List.of("bot.yaml", "train.tsv", "heldout.tsv", "model/report.txt", "model/head.txt")) {
            Files.createDirectories(to.resolve(file).getParent());
            Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Users chatting and classifying at once; every answer that is not a 200 is a failure. */
    private static final class Traffic {
        private static final List<String> TEXTS = List.of("Hello there!", "where is my order?",
                "How do I reset my password?", "I want to close my account", "thanks a lot", "this is terrible");
        private final Api api;
        private final ExecutorService users;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger total = new AtomicInteger();
        private final ConcurrentMap<String, Integer> failures = new ConcurrentHashMap<>();
        /** Kept so that {@link #stop()} sees a user that died of an exception, which no status would show. */
        private final List<Future<?>> chats = new ArrayList<>();

        Traffic(Api api, int users) {
            this.api = api;
            this.users = Executors.newFixedThreadPool(users);
            for (int u = 0; u < users; u++) {
                int user = u;
                chats.add(this.users.submit(() -> chat(user)));
            }
        }

        private void chat(int user) {
            String session = api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
            for (int i = 0; running.get() && i < 10_000; i++) {
                String text = TEXTS.get((user + i) % TEXTS.size());
                Api.Reply reply = i % 2 == 0
                        ? api.postJson("/api/v1/sessions/" + session + "/messages", Api.json(Map.of("content", text)))
                        : api.postJson("/api/v1/classify", Api.json(Map.of("text", text)));
                total.incrementAndGet();
                if (reply.status() != 200) {
                    failures.merge(reply.status() + " " + reply.body(), 1, Integer::sum);
                }
            }
        }

        void runFor(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        void stop() throws InterruptedException, ExecutionException {
            running.set(false);
            users.shutdown();
            assertThat(users.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> chat : chats) {
                chat.get();
            }
        }

        String summary() {
            return total.get() + " requests, failures " + failures;
        }
    }
}
