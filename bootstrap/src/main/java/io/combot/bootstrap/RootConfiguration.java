package io.combot.bootstrap;

import io.combot.adapter.out.knowledge.KnowledgeConfiguration;
import io.combot.adapter.out.llm.LlmConfiguration;
import io.combot.adapter.out.ml.MlConfiguration;
import io.combot.adapter.out.persistence.PersistenceConfiguration;
import io.combot.application.ChatPolicy;
import io.combot.application.ClassifyTextService;
import io.combot.application.CompleteChatService;
import io.combot.application.ExpiredSessionsService;
import io.combot.application.FeedbackService;
import io.combot.application.HealthService;
import io.combot.application.HistoryService;
import io.combot.application.ReloadBotService;
import io.combot.application.ReviewService;
import io.combot.application.SearchKnowledgeService;
import io.combot.application.SendMessageService;
import io.combot.application.SessionService;
import io.combot.application.StatusService;
import io.combot.bootstrap.metrics.MeteredPorts;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.in.ReloadBotUseCase;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.out.ActivityCountsPort;
import io.combot.domain.port.out.AppendTurnPort;
import io.combot.domain.port.out.CountActiveSessionsPort;
import io.combot.domain.port.out.CreateSessionPort;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.DeleteSessionPort;
import io.combot.domain.port.out.EmbedTextsPort;
import io.combot.domain.port.out.FeedbackStorePort;
import io.combot.domain.port.out.FindTurnOfMessagePort;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.HealthCheckPort;
import io.combot.domain.port.out.LlmCircuitStatePort;
import io.combot.domain.port.out.LoadHistoryPort;
import io.combot.domain.port.out.LoadReplyContextPort;
import io.combot.domain.port.out.LoadSessionPort;
import io.combot.domain.port.out.PurgeExpiredSessionsPort;
import io.combot.domain.port.out.ReloadBotPort;
import io.combot.domain.port.out.ReviewStorePort;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** The application context: each adapter's own configuration, and one bean per use case built by hand. */
@Configuration
@Import({MetricsConfiguration.class, PersistenceConfiguration.class, MlConfiguration.class, LlmConfiguration.class,
        KnowledgeConfiguration.class})
class RootConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SessionService sessionService(LoadSessionPort loader, CreateSessionPort creator, DeleteSessionPort deleter,
                                  Clock clock, ChatPolicy policy) {
        return new SessionService(loader, creator, deleter, clock, policy);
    }

    @Bean
    SendMessageUseCase sendMessageService(LoadSessionPort loader, AppendTurnPort turns,
                                          LoadReplyContextPort replyContext, CurrentBotPort bots,
                                          GenerateReplyPort generator, Clock clock, ChatPolicy policy,
                                          MeteredPorts metered) {
        return metered.sendMessage(new SendMessageService(loader, turns, replyContext, metered.bots(bots),
                metered.generator(generator), clock, policy));
    }

    /** The OpenAI-compatible API's turns, through the same (metered) send as the native API's. */
    @Bean
    CompleteChatUseCase completeChatService(CurrentBotPort bots, SessionService sessions,
                                            SendMessageUseCase sendMessage, ChatPolicy policy) {
        return new CompleteChatService(bots, sessions, sessions, sendMessage, policy);
    }

    @Bean
    HistoryService historyService(LoadSessionPort loader, LoadHistoryPort history, FeedbackStorePort feedback,
                                  Clock clock) {
        return new HistoryService(loader, history, feedback, clock);
    }

    @Bean
    RateReplyUseCase feedbackService(LoadSessionPort loader, FindTurnOfMessagePort turns, FeedbackStorePort feedback,
                                     Clock clock, MeteredPorts metered) {
        return metered.rateReply(new FeedbackService(loader, turns, feedback, clock));
    }

    @Bean
    ReviewService reviewService(FindTurnOfMessagePort turns, ReviewStorePort review, CurrentBotPort bots,
                                Clock clock) {
        return new ReviewService(turns, review, bots, clock);
    }

    @Bean
    ClassifyTextService classifyTextService(CurrentBotPort bots, ChatPolicy policy, MeteredPorts metered) {
        return new ClassifyTextService(metered.bots(bots), policy);
    }

    @Bean
    SearchKnowledgeService searchKnowledgeService(CurrentBotPort bots) {
        return new SearchKnowledgeService(bots);
    }

    @Bean
    ReloadBotUseCase reloadBotService(ReloadBotPort reloader, EmbedTextsPort embedder, CurrentBotPort bots,
                                      MeteredPorts metered) {
        return metered.reloads(new ReloadBotService(reloader, embedder), bots);
    }

    @Bean
    ExpiredSessionsService expiredSessionsService(PurgeExpiredSessionsPort purger, CountActiveSessionsPort counter,
                                                  Clock clock, OpsSettings ops) {
        return new ExpiredSessionsService(purger, counter, clock, ops.purgeBatchSize());
    }

    /** Primary: a purge asked for by the operator goes through the job, to be counted like the scheduled ones. */
    @Bean(destroyMethod = "close")
    @Primary
    SessionPurgeJob sessionPurgeJob(ExpiredSessionsService expiredSessions, MeterRegistry registry, OpsSettings ops) {
        return new SessionPurgeJob(expiredSessions, registry, ops.purgeInterval());
    }

    @Bean
    HealthService healthService(List<HealthCheckPort> checks) {
        return new HealthService(checks);
    }

    /** The one reader of the process's memory: status, the /metrics gauges and the admin memory report. */
    @Bean
    JvmProcessMemoryAdapter processMemory() {
        return new JvmProcessMemoryAdapter();
    }

    /** What {@code POST /admin/settings/reload} re-reads: the sources the service started from. */
    @Bean
    ReloadableConfiguration configurationReloader(OpsSettings ops) {
        return new ReloadableConfiguration(ops.environment());
    }

    @Bean
    StatusService statusService(JvmProcessMemoryAdapter processMemory, LlmCircuitStatePort llmCircuit,
                                ActivityCountsPort activity, Clock clock) {
        return new StatusService(processMemory, llmCircuit, activity, clock);
    }
}
