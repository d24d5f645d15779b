package io.combot.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.application.ChatPolicy;
import io.combot.application.FeedbackService;
import io.combot.application.ReloadBotService;
import io.combot.application.SendMessageService;
import io.combot.application.SessionService;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.model.ActivityCounts;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.MessageQuery;
import io.combot.domain.port.in.RateReplyCommand;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.SessionQuery;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.FixedServingBot;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.HashingEmbedder;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.KeywordClassifier;
import io.combot.domain.port.out.SearchKnowledgePort;
import io.combot.domain.port.out.ServingBot;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The decorators count what passes through them, and {@link MicrometerActivityCounts} reads the same counters. */
class MeteredPortsTest {
    private static final OwnerId OWNER = new OwnerId("client-a");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredPorts ports = new MeteredPorts(registry);
    private final MicrometerActivityCounts activity = new MicrometerActivityCounts(registry);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private final ChatPolicy policy = new ChatPolicy(100, Duration.ofHours(1), OptionalDouble.of(0.5), 20, Duration.ofSeconds(5), 3);
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final SwappableBot bots = new SwappableBot(TestBots.keywordBot());
    private final SessionService sessions = new SessionService(store, store, store, clock, policy);
    private final SendMessageUseCase send = ports.sendMessage(
            new SendMessageService(store, store, store, bots, new EchoReplyGenerator(), clock, policy));
    private final RateReplyUseCase rate = ports.rateReply(new FeedbackService(store, store, store, clock));

    @Test
    void theCountsAreTheRepliesMessagesAndRatingsTheDecoratorsCounted() {
        assertThat(activity.counts()).isEqualTo(ActivityCounts.NONE);
        SessionId session = sessions.startSession(new StartSessionCommand(OWNER)).id();

        Turn greeting = send.sendMessage(new SendMessageCommand(session, OWNER, "hello", null), TurnListener.NONE);
        send.sendMessage(new SendMessageCommand(session, OWNER, "hi again", null), TurnListener.NONE);
        Turn other = send.sendMessage(new SendMessageCommand(session, OWNER, "tell me about the weather", null),
                TurnListener.NONE);
        rate.rate(new RateReplyCommand(reply(session, greeting), Rating.UP, null));
        rate.rate(new RateReplyCommand(reply(session, greeting), Rating.UP, null));
        rate.rate(new RateReplyCommand(reply(session, other), Rating.DOWN, "not it"));

        ActivityCounts counts = activity.counts();
        assertThat(counts.repliesByRoute()).containsEntry(Route.FAST_PATH, 2L)
                .containsEntry(other.reply().route(), other.reply().route() == Route.FAST_PATH ? 3L : 1L);
        assertThat(counts.messagesByIntent()).containsEntry(Intent.of("greeting"), 2L)
                .containsEntry(other.userMessage().classification().intent(), 1L);
        assertThat(counts.messages()).isEqualTo(3);
        assertThat(counts.ratedUp()).as("a repeated rating is counted once").isEqualTo(1);
        assertThat(counts.ratedDown()).isEqualTo(1);
        assertThat(registry.get("combot.feedback").tag("rating", "up").tag("route", "fast_path")
                .tag("intent", "greeting").counter().count()).isEqualTo(1);
    }

    @Test
    void removingARatingPassesThroughAndCountsNothing() {
        SessionId session = sessions.startSession(new StartSessionCommand(OWNER)).id();
        Turn turn = send.sendMessage(new SendMessageCommand(session, OWNER, "hello", null), TurnListener.NONE);
        rate.rate(new RateReplyCommand(reply(session, turn), Rating.UP, null));

        rate.removeRating(reply(session, turn));

        assertThat(store.findFeedback(List.of(turn.reply().id()))).isEmpty();
        assertThat(activity.counts().ratedUp()).isEqualTo(1);
    }

    /** Without its index the timed bot sent every knowledge question to the no-answer reply. */
    @Test
    void theTimedBotKeepsTheServingBotsDocuments() {
        SearchKnowledgePort documents = query -> List.of();
        ServingBot withDocuments = new FixedServingBot(TestBots.definition(), new KeywordClassifier(), "v1+kb-1",
                documents);

        assertThat(ports.bots(() -> withDocuments).current().knowledge()).containsSame(documents);
    }

    @Test
    void reloadsAreCountedByOutcomeAndTheServingBotIsAnInfoGauge() {
        ReloadBotUseCase reloads = ports.reloads(new ReloadBotService(bots, new HashingEmbedder()), bots);
        assertThat(info()).isEqualTo("test-bot " + KeywordClassifier.MODEL_VERSION);
        ServingBot next = new FixedServingBot(TestBots.definition(), new KeywordClassifier(), "v2");

        bots.stage(next);
        assertThat(reloads.reload(false).swapped()).isTrue();
        bots.stage(new FixedServingBot(TestBots.definition(), new KeywordClassifier(), "v3"),
                new SwappableBot.ConstantIntentModel(TestBots.definition().intentNames(), Intent.of("greeting")));
        assertThat(reloads.reload(false).swapped()).isFalse();
        ReloadBotUseCase failing = ports.reloads(force -> {
            throw new InvalidBotException("bot.yaml is missing");
        }, bots);
        assertThatThrownBy(() -> failing.reload(false)).isInstanceOf(InvalidBotException.class);

        assertThat(registry.get("combot.bot.reloads").tag("outcome", "ok").counter().count()).isEqualTo(1);
        assertThat(registry.get("combot.bot.reloads").tag("outcome", "refused").counter().count()).isEqualTo(1);
        assertThat(registry.get("combot.bot.reloads").tag("outcome", "invalid").counter().count()).isEqualTo(1);
        assertThat(info()).isEqualTo("test-bot v2");
    }

    /** The one series of combot.bot.info, as "bot model_version". */
    private String info() {
        assertThat(registry.get("combot.bot.info").gauges()).hasSize(1);
        var gauge = registry.get("combot.bot.info").gauge();
        assertThat(gauge.value()).isEqualTo(1.0);
        return gauge.getId().getTag("bot") + " " + gauge.getId().getTag("model_version");
    }

    private static MessageQuery reply(SessionId session, Turn turn) {
        return new MessageQuery(new SessionQuery(session, OWNER), turn.reply().id());
    }

    @Test
    void theTimedGeneratorTellsWhetherTheWrappedOneReadsTheContext() {
        GenerateReplyPort reading = ports.generator(generator(true));
        GenerateReplyPort notReading = ports.generator(generator(false));

        assertThat(reading.readsContext()).isTrue();
        assertThat(notReading.readsContext()).isFalse();
    }

    @Test
    void theTimedGeneratorAnswersAndIsTimed() {
        List<String> deltas = new ArrayList<>();

        GeneratedReply reply = ports.generator(generator(false))
                .generate(TestBots.replyRequest(Intent.of("question"), "Where is my order?"), deltas::add);

        assertThat(reply.text()).isEqualTo("Offline answer to question.");
        assertThat(deltas).containsExactly(reply.text());
        assertThat(registry.get("combot.llm.latency").timer().count()).isEqualTo(1);
    }

    private static GenerateReplyPort generator(boolean readsContext) {
        return new GenerateReplyPort() {
            @Override
            public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
                sink.delta(request.offlineReply());
                return new GeneratedReply(request.offlineReply(), Route.OFFLINE, TokenUsage.NONE, true);
            }

            @Override
            public boolean readsContext() {
                return readsContext;
            }
        };
    }
}
