package io.combot.bootstrap.metrics;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.Classification;
import io.combot.domain.model.BotReload;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.RatedReply;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Turn;
import io.combot.domain.port.in.MessageQuery;
import io.combot.domain.port.in.RateReplyCommand;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.SearchKnowledgePort;
import io.combot.domain.port.out.ServingBot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Metrics taken at the ports, so that neither the application nor the adapters know Micrometer: the ports are wrapped
 * where bootstrap hands them to the use cases. {@link MicrometerActivityCounts} reads the counters back.
 */
public final class MeteredPorts {
    static final String REPLIES = "combot.replies";
    static final String MESSAGES = "combot.messages";
    static final String FEEDBACK = "combot.feedback";

    /** Carries everything of the bot along: a default left in place would silently change how it answers. */
    private record TimedBot(BotDefinition definition, ClassifyMessagePort classifier, String modelVersion,
                            OptionalDouble minConfidence, Optional<SearchKnowledgePort> knowledge)
            implements ServingBot {
    }

    /** The classifier timed, still telling how much of a text it reads: the crisis screening cuts texts by it. */
    private record TimedClassifier(MeteredPorts metered, ClassifyMessagePort classifier) implements ClassifyMessagePort {
        @Override
        public Classification classify(String text) {
            return metered.timed("combot.classifier.latency", () -> classifier.classify(text));
        }

        @Override
        public int readsWholeUpTo() {
            return classifier.readsWholeUpTo();
        }
    }

    private final MeterRegistry registry;
    private final AtomicInteger llmInFlight = new AtomicInteger();

    public MeteredPorts(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("combot.llm.in.flight", llmInFlight);
    }

    /** The serving bot with its classifier timed; a reload shows at once, since the bot is looked up per call. */
    public CurrentBotPort bots(CurrentBotPort bots) {
        return () -> {
            ServingBot bot = bots.current();
            return new TimedBot(bot.definition(), new TimedClassifier(this, bot.classifier()), bot.modelVersion(),
                    bot.minConfidence(), bot.knowledge());
        };
    }

    /**
     * Reloads counted by outcome ({@code ok}, {@code invalid}, {@code refused}), and the serving bot as an info gauge,
     * {@code combot_bot_info{bot, model_version} 1}, renewed on each reload: a fleet that serves mixed versions shows
     * as more than one series.
     */
    public ReloadBotUseCase reloads(ReloadBotUseCase reloads, CurrentBotPort bots) {
        MultiGauge info = MultiGauge.builder("combot.bot.info")
                .description("The bot and model this instance serves (value 1)").register(registry);
        Runnable refresh = () -> {
            ServingBot bot = bots.current();
            info.register(List.of(MultiGauge.Row.of(Tags.of("bot", bot.definition().name(), "model_version",
                    bot.modelVersion()), 1)), true);
        };
        refresh.run();
        return force -> {
            String outcome = "invalid";
            try {
                BotReload reload = reloads.reload(force);
                outcome = reload.swapped() ? "ok" : "refused";
                return reload;
            } finally {
                refresh.run();
                Counter.builder("combot.bot.reloads").tag("outcome", outcome)
                        .description("Bot reloads: ok (swapped in), refused (by the promotion gate), invalid (the folder)")
                        .register(registry).increment();
            }
        };
    }

    /** Timed, and telling what the wrapped generator tells, so that a turn still skips the context it never reads. */
    public GenerateReplyPort generator(GenerateReplyPort generator) {
        return new GenerateReplyPort() {
            @Override
            public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
                llmInFlight.incrementAndGet();
                try {
                    return timed("combot.llm.latency", () -> generator.generate(request, sink));
                } finally {
                    llmInFlight.decrementAndGet();
                }
            }

            @Override
            public boolean readsContext() {
                return generator.readsContext();
            }
        };
    }

    /**
     * Replies counted by route ({@code fast_path}, {@code safety}, {@code llm}, {@code offline}, {@code fallback}), and
     * user messages by the intent stored with them ({@code unknown} when the classifier was below the threshold). A
     * bot's intents are few, so the intent tag stays a small set of series.
     */
    public SendMessageUseCase sendMessage(SendMessageUseCase sendMessage) {
        return (SendMessageCommand command, TurnListener listener) -> {
            Turn turn = sendMessage.sendMessage(command, listener);
            Counter.builder(REPLIES)
                    .tag("route", turn.reply().route().label())
                    .tag("degraded", Boolean.toString(turn.reply().degraded()))
                    .register(registry)
                    .increment();
            Counter.builder(MESSAGES)
                    .description("User messages by the intent stored with them (unknown: below the threshold)")
                    .tag("intent", turn.userMessage().classification().intent().label())
                    .register(registry)
                    .increment();
            return turn;
        };
    }

    /**
     * Ratings counted as {@code combot_feedback_total{rating, route, intent}}: the reply's route and its user message's
     * intent. A repeated request that leaves the rating as it was is not counted again.
     */
    public RateReplyUseCase rateReply(RateReplyUseCase rateReply) {
        return new RateReplyUseCase() {
            @Override
            public RatedReply rate(RateReplyCommand command) {
                RatedReply rated = rateReply.rate(command);
                if (rated.changed()) {
                    Counter.builder(FEEDBACK)
                            .description("Ratings given to replies, by rating, the reply's route and the intent")
                            .tag("rating", rated.feedback().rating().label())
                            .tag("route", rated.turn().reply().route().label())
                            .tag("intent", rated.turn().userMessage().classification().intent().label())
                            .register(registry)
                            .increment();
                }
                return rated;
            }

            @Override
            public void removeRating(MessageQuery reply) {
                rateReply.removeRating(reply);
            }
        };
    }

    /** Times {@code call}, tagged with its outcome: ok, capacity (refused, 503), unavailable or error. */
    private <T> T timed(String name, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (CapacityExceededException e) {
            outcome = "capacity";
            throw e;
        } catch (ReplyUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            Timer.builder(name).tag("outcome", outcome).publishPercentileHistogram().register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
