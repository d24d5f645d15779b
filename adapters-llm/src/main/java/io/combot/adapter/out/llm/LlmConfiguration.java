package io.combot.adapter.out.llm;

import io.combot.domain.model.CircuitState;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.LlmCircuitStatePort;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reply generator: the OpenAI-compatible adapter when an API key is set, the offline responder otherwise. Needs
 * an {@link LlmSettings} bean. The OpenAI client is closed with the context.
 */
@Configuration(proxyBeanMethods = false)
public class LlmConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    public GenerateReplyPort generateReplyPort(LlmSettings settings, ObjectProvider<MeterRegistry> metrics) {
        if (!settings.hasApiKey()) {
            log.info("Replies come from the offline responder (the bot's fixed offline texts, no LLM). To use an LLM, set "
                    + "COMBOT_OPENAI_API_KEY (and COMBOT_OPENAI_BASE_URL and COMBOT_OPENAI_MODEL for a server other "
                    + "than OpenAI).");
            return new OfflineReplyAdapter();
        }
        log.info("Replies come from the LLM at {} with model {} ({} calls at most in flight). To use the offline "
                + "responder instead, leave COMBOT_OPENAI_API_KEY empty.", settings.baseUrl(), settings.model(),
                settings.maxConcurrentCalls());
        OpenAiReplyAdapter adapter = new OpenAiReplyAdapter(settings);
        adapter.warmUp();
        metrics.ifAvailable(registry -> {
            // CircuitState's order: 0 closed, 1 open, 2 half-open; alert on > 0.
            Gauge.builder("combot.llm.circuit.state", adapter, llm -> llm.circuitState().ordinal())
                    .description("LLM circuit breaker: 0 closed, 1 open, 2 half-open").register(registry);
            FunctionCounter.builder("combot.llm.retries", adapter, OpenAiReplyAdapter::retries)
                    .description("LLM attempts retried").register(registry);
        });
        return adapter;
    }

    @Bean
    HealthCheckPort llmHealth(LlmCircuitStatePort circuit) {
        return new LlmHealthAdapter(circuit);
    }

    /** The reply generator's circuit, for the status page; the offline responder calls no LLM, so has none. */
    @Bean
    public LlmCircuitStatePort llmCircuitStatePort(GenerateReplyPort generator) {
        return generator instanceof OpenAiReplyAdapter llm ? llm::circuitState : () -> CircuitState.NOT_USED;
    }
}
