package io.combot.adapter.out.ml;

import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import io.combot.domain.model.Classification;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import io.combot.domain.port.out.ClassifyMessagePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code bin/ml cache [conversations]}: the hit rate of the classifier's cache of repeated texts on a realistic mix of
 * chat messages, replayed through the served bot (the real model and head) at the shipped cache size and two smaller
 * ones, and the heap one entry takes.
 *
 * <p>The mix, one conversation at a time: a greeting (7 in 10 conversations), one to three things asked, thanks (1 in
 * 2) and a goodbye (2 in 5). Greetings, thanks and goodbyes are the shipped bot's texts of those intents (training and
 * held-out), drawn by a Zipf law (exponent 1) with the shortest the most common, as real chat says "hi", "thanks" and
 * "bye" far more often than "Good evening, anyone there?". What people ask rarely repeats word for word: 1 in 10 is one
 * of the 20 shortest question and help texts ("what can you do?"), by the same law; the rest are fresh, a text of the
 * other intents with a number appended so that it never repeats. A fixed seed gives the same mix on every run.
 */
final class CacheHitRateReplay {
    private enum Kind { GREETING, ASKED, THANKS, FAREWELL }

    private record Message(Kind kind, String text) {
    }

    private static final int FAQS = 20;
    private static final int MEMORY_ENTRIES = 10_000;

    private final Random random = new Random(16);
    private final Map<Kind, List<String>> everyday = new EnumMap<>(Kind.class);
    private final List<String> faqs;
    private final List<String> asked;
    private int fresh;

    private CacheHitRateReplay(List<LabelledText> texts) {
        everyday.put(Kind.GREETING, byLength(texts, Set.of("greeting")));
        everyday.put(Kind.THANKS, byLength(texts, Set.of("thanks")));
        everyday.put(Kind.FAREWELL, byLength(texts, Set.of("farewell")));
        faqs = byLength(texts, Set.of("question", "help")).subList(0, FAQS);
        asked = texts.stream().filter(t -> Set.of("question", "help", "complaint", "smalltalk", "crisis")
                .contains(t.intent().label())).map(LabelledText::text).toList();
    }

    public static void main(String[] args) {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        List<LabelledText> texts = Stream.concat(SharedBot.SHIPPED.train().stream(),
                SharedBot.SHIPPED.heldout().stream()).toList();
        List<Message> mix = new CacheHitRateReplay(texts).mix(conversations);
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        mix.forEach(message -> counts.merge(message.kind(), 1L, Long::sum));
        System.out.printf(Locale.ROOT, "mix: %,d conversations, %,d messages: %s%n", conversations, mix.size(),
                counts);
        int shipped = ShippedSettings.classifier().cacheSize();
        for (int size : new int[] {shipped, 1_000, 100}) {
            replay(mix, size, size == shipped ? " (shipped)" : "");
        }
        memoryPerEntry();
    }

    private List<Message> mix(int conversations) {
        List<Message> mix = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            if (random.nextDouble() < 0.7) {
                mix.add(new Message(Kind.GREETING, zipf(everyday.get(Kind.GREETING))));
            }
            for (int q = 1 + random.nextInt(3); q > 0; q--) {
                mix.add(new Message(Kind.ASKED, random.nextDouble() < 0.1 ? zipf(faqs)
                        : asked.get(random.nextInt(asked.size())) + " " + ++fresh));
            }
            if (random.nextDouble() < 0.5) {
                mix.add(new Message(Kind.THANKS, zipf(everyday.get(Kind.THANKS))));
            }
            if (random.nextDouble() < 0.4) {
                mix.add(new Message(Kind.FAREWELL, zipf(everyday.get(Kind.FAREWELL))));
            }
        }
        return mix;
    }

    /** Rank r (1-based) with probability proportional to 1/r. */
    private String zipf(List<String> ranked) {
        double harmonic = IntStream.rangeClosed(1, ranked.size()).mapToDouble(r -> 1.0 / r).sum();
        double u = random.nextDouble() * harmonic;
        for (int r = 1; r <= ranked.size(); r++) {
            u -= 1.0 / r;
            if (u <= 0) {
                return ranked.get(r - 1);
            }
        }
        return ranked.get(ranked.size() - 1);
    }

    private static List<String> byLength(List<LabelledText> texts, Set<String> intents) {
        return texts.stream().filter(t -> intents.contains(t.intent().label())).map(LabelledText::text)
                .sorted(Comparator.comparingInt(String::length)).toList();
    }

    private static void replay(List<Message> mix, int size, String note) {
        try (DjlBotAdapter bot = new DjlBotAdapter(ShippedSettings.classifier().withCacheSize(size))) {
            ClassifyMessagePort classifier = bot.current().classifier();
            Map<Kind, long[]> hitsOfKind = new EnumMap<>(Kind.class);
            for (Message message : mix) {
                long before = bot.cacheStats().hitCount();
                classifier.classify(message.text());
                long[] tally = hitsOfKind.computeIfAbsent(message.kind(), k -> new long[2]);
                tally[0] += bot.cacheStats().hitCount() - before;
                tally[1]++;
            }
            long hits = bot.cacheStats().hitCount();
            Map<Kind, String> rates = new LinkedHashMap<>();
            hitsOfKind.forEach((kind, tally) -> rates.put(kind, percent(tally[0], tally[1])));
            System.out.printf(Locale.ROOT, "cache %,d%s: %s of all messages answered from the cache (%,d of %,d; "
                            + "%,d looked up, %,d evictions), %,d entries at the end; by kind %s%n", size,
                    note, percent(hits, mix.size()), hits, mix.size(), bot.cacheStats().requestCount(),
                    bot.cacheStats().evictionCount(), bot.cachedAnswers(), rates);
        }
    }

    /**
     * Heap per entry, for choosing the shipped size: short keys and the shipped head's classifications, each with its
     * own score map, as the model makes them; measured as the heap after a full collection, before and after.
     */
    private static void memoryPerEntry() {
        Classification real = SharedBot.classifier().classify("hello there");
        ClassifyMessagePort copies = text -> {
            Map<Intent, Double> scores = new LinkedHashMap<>();
            real.scores().forEach((intent, p) -> scores.put(intent, Double.valueOf(p + 0.0)));
            return new Classification(real.intent(), real.confidence(), scores, real.modelVersion());
        };
        CachingClassifier cache = new CachingClassifier(copies, SharedEncoder.get()::clean, MEMORY_ENTRIES,
                new ConcurrentStatsCounter());
        long before = heapAfterGc();
        for (int i = 0; i < MEMORY_ENTRIES; i++) {
            cache.classify("hello there, friend " + i);
        }
        long after = heapAfterGc();
        System.out.printf(Locale.ROOT, "memory: about %,d bytes an entry (%d intents, keys of about 24 characters), "
                        + "%,d entries in %.1f MB%n", (after - before) / MEMORY_ENTRIES, real.scores().size(),
                cache.size(), (after - before) / 1e6);
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
