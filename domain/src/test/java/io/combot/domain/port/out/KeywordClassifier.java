package io.combot.domain.port.out;

import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The test double of {@link ClassifyMessagePort}: picks an intent by keyword, deterministically. */
public class KeywordClassifier implements ClassifyMessagePort {
    public static final String MODEL_VERSION = "keywords-test-double";

    private static final Map<Pattern, Intent> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(Pattern.compile("kill myself|hurt myself|emergency"), Intent.CRISIS);
        KEYWORDS.put(Pattern.compile("\\bthank"), Intent.THANKS);
        KEYWORDS.put(Pattern.compile("\\bbye\\b|goodbye"), Intent.FAREWELL);
        KEYWORDS.put(Pattern.compile("what can you do"), Intent.HELP);
        KEYWORDS.put(Pattern.compile("terrible|awful"), Intent.COMPLAINT);
        KEYWORDS.put(Pattern.compile("weather"), Intent.SMALLTALK);
        KEYWORDS.put(Pattern.compile("\\?"), Intent.QUESTION);
        KEYWORDS.put(Pattern.compile("\\bhello\\b|\\bhi\\b"), Intent.GREETING);
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
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Intent each : Intent.values()) {
            if (each != Intent.UNKNOWN) {
                scores.put(each, each == intent ? 0.93 : 0.01);
            }
        }
        return new Classification(intent, 0.93, scores, MODEL_VERSION);
    }

    /** No keyword: every intent equally likely, so the confidence is low. */
    private static Classification spread() {
        Map<Intent, Double> scores = new EnumMap<>(Intent.class);
        for (Intent each : Intent.values()) {
            if (each != Intent.UNKNOWN) {
                scores.put(each, 0.125);
            }
        }
        return new Classification(Intent.SMALLTALK, 0.125, scores, MODEL_VERSION);
    }
}
