package io.combot.bootstrap;

import io.combot.adapter.in.web.RequestMetricsFilter;
import io.combot.bootstrap.metrics.MeteredPorts;
import io.combot.bootstrap.metrics.MicrometerActivityCounts;
import io.combot.domain.port.in.CountActiveSessionsUseCase;
import io.combot.domain.port.out.ActivityCountsPort;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metrics registry served at {@code /metrics}, with the JVM's and the process's own meters. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {
    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry meterRegistry(JvmProcessMemoryAdapter processMemory) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", processMemory, JvmProcessMemoryAdapter::residentSetBytes)
                .baseUnit("bytes").description("Resident set size of the process (VmRSS)").register(registry);
        Gauge.builder("jvm.memory.heap.after.gc", processMemory, JvmProcessMemoryAdapter::heapAfterGcBytes)
                .baseUnit("bytes").description("Heap in use right after the last collection of each heap pool")
                .register(registry);
        return registry;
    }

    @Bean(destroyMethod = "close")
    JvmGcMetrics jvmGcMetrics(MeterRegistry registry) {
        JvmGcMetrics metrics = new JvmGcMetrics();
        metrics.bindTo(registry);
        return metrics;
    }

    @Bean(destroyMethod = "close")
    JvmHeapPressureMetrics jvmHeapPressureMetrics(MeterRegistry registry) {
        JvmHeapPressureMetrics metrics = new JvmHeapPressureMetrics();
        metrics.bindTo(registry);
        return metrics;
    }

    /** Times and counts every request; its in-flight count is also what the status endpoint reports. */
    @Bean
    RequestMetricsFilter requestMetricsFilter(MeterRegistry registry) {
        return new RequestMetricsFilter(registry);
    }

    @Bean
    MeteredPorts meteredPorts(MeterRegistry registry) {
        return new MeteredPorts(registry);
    }

    @Bean
    ActivityCountsPort activityCounts(MeterRegistry registry) {
        return new MicrometerActivityCounts(registry);
    }

    /** Counted by the database at each scrape: an indexed count, cheap next to a scrape interval. */
    @Bean
    Gauge activeSessions(MeterRegistry registry, CountActiveSessionsUseCase sessions) {
        return Gauge.builder("combot.sessions.active", sessions, CountActiveSessionsUseCase::countActiveSessions)
                .description("Sessions that have not expired").register(registry);
    }
}
