package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentDefinition;
import io.combot.domain.model.IntentRoute;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.Route;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.FixedServingBot;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routes, replies and prompts are the bot's data: a team's own intents are answered as its bot says. */
class BotRoutingTest {
    private static final OwnerId OWNER = new OwnerId("client-a");
    private static final List<String> ORDER_REPLIES = List.of("Track it at /orders.", "Your order page: /orders.");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final EchoReplyGenerator generator = new EchoReplyGenerator();
    private final ChatPolicy policy = ShippedPolicy.read();

    private static BotDefinition shop(String systemPrompt) {
        return new BotDefinition("shop", List.of(
                new IntentDefinition(Intent.of("order_status"), null, IntentRoute.REPLY, ORDER_REPLIES, null, null),
                new IntentDefinition(Intent.of("cancel_account"), null, IntentRoute.LLM, List.of(),
                        "Explain how to close the account.", "Open Settings > Account."),
                new IntentDefinition(Intent.of("legal_threat"), null, IntentRoute.SAFETY, List.of(), null, null),
                new IntentDefinition(Intent.CRISIS, null, IntentRoute.SAFETY, List.of(), null, null)),
                IntentDefinition.llm(Intent.UNKNOWN), systemPrompt, "Shop safety reply.", "Shop fallback.",
                "Shop offline.");
    }

    /** A classifier that names the intent written before a colon: "order_status: where is it". */
    private static final ClassifyMessagePort BY_PREFIX = text -> {
        Intent intent = Intent.of(text.substring(0, text.indexOf(':')));
        return new Classification(intent, 0.9, Map.of(intent, 0.9), "prefix-model");
    };

    private Turn send(SendMessageService service, String content) {
        ChatSession session = new SessionService(store, store, store, clock, policy)
                .startSession(new StartSessionCommand(OWNER));
        return service.sendMessage(new SendMessageCommand(session.id(), OWNER, content, null));
    }

    private static SwappableBot shopBot(String systemPrompt) {
        return new SwappableBot(new FixedServingBot(shop(systemPrompt), BY_PREFIX, "v1"));
    }

    private SendMessageService service(SwappableBot bots, GenerateReplyPort replies) {
        return new SendMessageService(store, store, store, bots, replies, clock, policy);
    }

    @Test
    void aReplyIntentGetsOneOfItsRepliesOnTheFastPath() {
        SendMessageService service = service(shopBot("p"), generator);
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 40; i++) {
            Turn turn = send(service, "order_status: where is my parcel");
            assertThat(turn.reply().route()).isEqualTo(Route.FAST_PATH);
            seen.add(turn.reply().content());
        }

        assertThat(seen).as("both variations are used").containsExactlyInAnyOrderElementsOf(ORDER_REPLIES);
        assertThat(generator.requests()).isEmpty();
    }

    @Test
    void anLlmIntentReachesTheGeneratorWithTheBotsPromptAndOfflineText() {
        SendMessageService service = service(shopBot("Shop prompt."), generator);

        send(service, "cancel_account: close my account");

        ReplyRequest request = generator.requests().get(0);
        assertThat(request.intentHint()).isEqualTo(Intent.of("cancel_account"));
        assertThat(request.systemPrompt()).isEqualTo("Shop prompt.\n\nExplain how to close the account.");
        assertThat(request.offlineReply()).isEqualTo("Open Settings > Account.");
    }

    @Test
    void anyIntentWithRouteSafetyGetsTheBotsSafetyReply() {
        SendMessageService service = service(shopBot("p"), generator);

        Turn turn = send(service, "legal_threat: I will sue you");

        assertThat(turn.reply().route()).isEqualTo(Route.SAFETY);
        assertThat(turn.reply().content()).isEqualTo("Shop safety reply.");
    }

    @Test
    void aTurnKeepsTheBotItStartedWithWhenAnotherIsSwappedInMeanwhile() {
        SwappableBot bots = new SwappableBot(new FixedServingBot(shop("Old prompt."), BY_PREFIX, "old"));
        GenerateReplyPort swapsWhileAnswering = (request, sink) -> {
            bots.swap(TestBots.keywordBot());
            return generator.generate(request, sink);
        };

        Turn turn = send(service(bots, swapsWhileAnswering), "cancel_account: close it");

        assertThat(generator.requests().get(0).systemPrompt()).startsWith("Old prompt.");
        assertThat(turn.userMessage().classification().modelVersion()).isEqualTo("prefix-model");
        assertThat(bots.current().modelVersion()).isEqualTo(TestBots.keywordBot().modelVersion());
    }

    @Test
    void whenTheGeneratorFailsTheBotsFallbackAnswers() {
        GenerateReplyPort failing = (request, sink) -> {
            throw new ReplyUnavailableException("down", new IllegalStateException("upstream"));
        };
        SendMessageService service = service(shopBot("p"), failing);

        Turn turn = send(service, "cancel_account: close it");

        assertThat(turn.reply().route()).isEqualTo(Route.FALLBACK);
        assertThat(turn.reply().content()).isEqualTo("Shop fallback.");
    }
}
