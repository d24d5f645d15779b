package io.combot.domain.port.out;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The test double of {@link ClassifyMessagePort}: picks an intent by keyword, deterministically. */
public class KeywordClassifier implements ClassifyMessagePort {
    public static final String MODEL_VERSION = "keywords-test-double";
    /** The shipped bot's intents, in its model's order. */
    public static final List<Intent> INTENTS = List.of(Intent.of("greeting"), Intent.of("farewell"),
            Intent.of("thanks"), Intent.of("question"), Intent.of("help"), Intent.of("complaint"),
            Intent.of("smalltalk"), Intent.CRISIS);

    private static final Map<Pattern, Intent> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(Pattern.compile("kill myself|hurt myself|emergency"), Intent.CRISIS);
        KEYWORDS.put(Pattern.compile("\\bthank"), Intent.of("thanks"));
        KEYWORDS.put(Pattern.compile("\\bbye\\b|goodbye"), Intent.of("farewell"));
        KEYWORDS.put(Pattern.compile("what can you do"), Intent.of("help"));
        KEYWORDS.put(Pattern.compile("terrible|awful"), Intent.of("complaint"));
        KEYWORDS.put(Pattern.compile("weather"), Intent.of("smalltalk"));
        KEYWORDS.put(Pattern.compile("\\?"), Intent.of("question"));
        KEYWORDS.put(Pattern.compile("\\bhello\\b|\\bhi\\b"), Intent.of("greeting"));
    }

    @Override
    public Classification classify(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, Intent> keyword : KEYWORDS.entrySet()) {
            if (keyword.getKey().matcher(lower).find()) {
                return certain(keyword.getValue());
            }
        }
        return spread();
    }

    private static Classification certain(Intent intent) {
        Map<Intent, Double> scores = new LinkedHashMap<>();
        for (Intent each : INTENTS) {
            scores.put(each, each.equals(intent) ? 0.93 : 0.01);
        }
        return new Classification(intent, 0.93, scores, MODEL_VERSION);
    }

    /** No keyword: every intent equally likely, so the confidence is low. */
    private static Classification spread() {
        Map<Intent, Double> scores = new LinkedHashMap<>();
        for (Intent each : INTENTS) {
            scores.put(each, 0.125);
        }
        return new Classification(Intent.of("smalltalk"), 0.125, scores, MODEL_VERSION);
    }
}
