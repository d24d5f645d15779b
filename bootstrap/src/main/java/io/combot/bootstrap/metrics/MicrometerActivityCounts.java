package io.combot.bootstrap.metrics;

import io.combot.domain.model.ActivityCounts;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Rating;
import io.combot.domain.model.Route;
import io.combot.domain.port.out.ActivityCountsPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The status page's totals, summed from the counters {@link MeteredPorts} keeps: /metrics and the page cannot
 * disagree.
 */
public final class MicrometerActivityCounts implements ActivityCountsPort {
    private final MeterRegistry registry;

    public MicrometerActivityCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ActivityCounts counts() {
        Map<Route, Long> routes = new EnumMap<>(Route.class);
        registry.find(MeteredPorts.REPLIES).counters().forEach(counter -> routes.merge(
                Route.valueOf(counter.getId().getTag("route").toUpperCase(Locale.ROOT)), total(counter), Long::sum));
        Map<Intent, Long> intents = new HashMap<>();
        registry.find(MeteredPorts.MESSAGES).counters().forEach(counter -> intents.merge(
                Intent.of(counter.getId().getTag("intent")), total(counter), Long::sum));
        Map<Rating, Long> ratings = new EnumMap<>(Rating.class);
        registry.find(MeteredPorts.FEEDBACK).counters().forEach(counter -> ratings.merge(
                Rating.parse(counter.getId().getTag("rating")), total(counter), Long::sum));
        return new ActivityCounts(routes, intents, ratings.getOrDefault(Rating.UP, 0L),
                ratings.getOrDefault(Rating.DOWN, 0L));
    }

    private static long total(Counter counter) {
        return (long) counter.count();
    }
}
