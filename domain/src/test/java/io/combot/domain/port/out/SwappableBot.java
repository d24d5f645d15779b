package io.combot.domain.port.out;

import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentModel;
import io.combot.domain.model.LabelledText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-memory double of {@link CurrentBotPort} and {@link ReloadBotPort}: serves the bot it was last given; a reload
 * reads the bot staged with {@link #stage} (the one serving when none is staged). Each bot's intent model flags every
 * text as a crisis unless it was staged with another, so the gate passes it on the one crisis text it is measured on.
 */
public final class SwappableBot implements CurrentBotPort, ReloadBotPort {
    /** What the gate measures a candidate on: one crisis text. */
    public static final List<LabelledText> GATE_TEXTS = List.of(
            new LabelledText(Intent.CRISIS, "I do not want to live any more", 1));

    private final AtomicReference<ServingBot> current;
    private final AtomicReference<ServingBot> staged = new AtomicReference<>();
    private final Map<ServingBot, IntentModel> models = new ConcurrentHashMap<>();

    public SwappableBot(ServingBot initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public ServingBot current() {
        return current.get();
    }

    public void swap(ServingBot next) {
        current.set(next);
    }

    /** What the next reload reads, as a changed folder would be. */
    public void stage(ServingBot next) {
        staged.set(next);
    }

    /** What the next reload reads, with the intent model the gate measures. */
    public void stage(ServingBot next, IntentModel model) {
        models.put(next, model);
        staged.set(next);
    }

    @Override
    public BotCandidate read() {
        ServingBot serving = current.get();
        // Each read loads the bot anew, as an adapter reading its folder again does.
        ServingBot next = staged.get() == null
                ? new FixedServingBot(serving.definition(), serving.classifier(), serving.modelVersion())
                : staged.get();
        return new Candidate(next, model(next), GATE_TEXTS, serving, model(serving));
    }

    @Override
    public boolean swap(BotCandidate candidate) {
        boolean swapped = current.compareAndSet(candidate.replaces(), candidate.bot());
        if (swapped) {
            staged.compareAndSet(candidate.bot(), null);
        }
        return swapped;
    }

    private IntentModel model(ServingBot bot) {
        return models.getOrDefault(bot, new ConstantIntentModel(bot.definition().intentNames(), Intent.CRISIS));
    }

    private record Candidate(ServingBot bot, IntentModel model, List<LabelledText> gateTexts, ServingBot replaces,
                             IntentModel servingModel) implements BotCandidate {
        /** No screening texts: the double's gate measures the held-out texts only. */
        @Override
        public List<LabelledText> screeningTexts() {
            return List.of();
        }
    }

    /** An intent model that reads every text as one intent. */
    public record ConstantIntentModel(List<Intent> intents, Intent answer) implements IntentModel {
        @Override
        public Intent predict(String text, float[] embedding) {
            return answer;
        }

        @Override
        public double crisisScore(String text, float[] embedding) {
            return answer.equals(Intent.CRISIS) ? 1 : 0;
        }

        @Override
        public double decisionThreshold() {
            return 0.5;
        }

        @Override
        public IntentModel withDecisionThreshold(double threshold) {
            return this;
        }
    }
}
