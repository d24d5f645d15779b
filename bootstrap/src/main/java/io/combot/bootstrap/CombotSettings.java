package io.combot.bootstrap;

import io.combot.adapter.in.web.AccessSettings;
import io.combot.adapter.in.web.WebSettings;
import io.combot.adapter.out.knowledge.KnowledgeSettings;
import io.combot.adapter.out.llm.LlmSettings;
import io.combot.adapter.out.ml.ClassifierSettings;
import io.combot.adapter.out.persistence.PersistenceSettings;
import io.combot.application.ChatPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.context.support.GenericApplicationContext;

/** Every module's settings, read from one {@link ConfigSource} so that each has exactly one name. */
public record CombotSettings(ServerSettings server, WebSettings web, ChatPolicy chat, PersistenceSettings persistence,
                             ClassifierSettings classifier, LlmSettings llm, OpsSettings ops, AccessSettings access,
                             KnowledgeSettings knowledge) {

    public CombotSettings {
        if (access.open() && !server.loopbackOnly()) {
            throw new IllegalArgumentException("COMBOT_BIND is " + server.bind() + ", which other machines can reach, "
                    + "but no COMBOT_API_KEYS are configured: anyone could use the API. Configure client keys "
                    + "(bin/combot new-key NAME) or bind to 127.0.0.1");
        }
    }

    /** Settings from the defaults, the operator's file and the given environment. */
    public static CombotSettings from(Map<String, String> environment) {
        ConfigSource config = ConfigSource.load(environment);
        return new CombotSettings(config.settings(CombotSettings::server),
                config.settings(c -> WebSettings.ofHeap(c.integer("COMBOT_MAX_BODY_BYTES"),
                        c.integer("COMBOT_HTTP_BODY_BUDGET_PERCENT"), Runtime.getRuntime().maxMemory())),
                config.settings(CombotSettings::chat), config.settings(CombotSettings::persistence),
                config.settings(CombotSettings::classifier), config.settings(CombotSettings::llm),
                config.settings(c -> ops(c, environment)), config.settings(CombotSettings::access),
                config.settings(CombotSettings::knowledge));
    }

    private static OpsSettings ops(ConfigSource config, Map<String, String> environment) {
        return new OpsSettings(config.duration("COMBOT_PURGE_INTERVAL"), config.integer("COMBOT_PURGE_BATCH_SIZE"),
                config.optional("COMBOT_ADMIN_TOKEN").orElse(null), environment);
    }

    private static ServerSettings server(ConfigSource config) {
        return new ServerSettings(config.string("COMBOT_BIND"), config.integer("COMBOT_PORT"),
                config.integer("COMBOT_HTTP_MIN_THREADS"), config.integer("COMBOT_HTTP_MAX_THREADS"),
                config.integer("COMBOT_HTTP_MAX_CONCURRENT_REQUESTS"), config.integer("COMBOT_HTTP_QUEUE_CAPACITY"),
                config.duration("COMBOT_HTTP_QUEUE_TIMEOUT"), config.duration("COMBOT_HTTP_IDLE_TIMEOUT"),
                config.duration("COMBOT_SHUTDOWN_TIMEOUT"), config.duration("COMBOT_HTTP_BODY_TIMEOUT"),
                config.integer("COMBOT_HTTP_MAX_CONNECTIONS"), config.duration("COMBOT_HTTP_HEADER_TIMEOUT"),
                config.duration("COMBOT_HTTP_WRITE_TIMEOUT"), config.duration("COMBOT_HTTP_LOW_RESOURCES_IDLE_TIMEOUT"));
    }

    private static AccessSettings access(ConfigSource config) {
        return new AccessSettings(AccessSettings.parseKeys(config.optional("COMBOT_API_KEYS").orElse(null)),
                config.decimal("COMBOT_RATE_LIMIT_PER_SECOND"), config.integer("COMBOT_RATE_LIMIT_BURST"));
    }

    private static ChatPolicy chat(ConfigSource config) {
        return new ChatPolicy(config.integer("COMBOT_MAX_CONTENT_CHARS"), config.duration("COMBOT_SESSION_IDLE_TIMEOUT"),
                config.optional("COMBOT_MIN_CONFIDENCE").isPresent()
                        ? OptionalDouble.of(config.decimal("COMBOT_MIN_CONFIDENCE")) : OptionalDouble.empty(),
                config.integer("COMBOT_CONTEXT_MESSAGES"),
                config.duration("COMBOT_TURN_WAIT"), config.integer("COMBOT_MAX_SESSIONS_PER_KEY"));
    }

    private static PersistenceSettings persistence(ConfigSource config) {
        Path dataDir = config.path("COMBOT_DATA_DIR");
        String url = config.optional("COMBOT_DB_URL").orElse(PersistenceSettings.sqliteUrl(dataDir));
        return new PersistenceSettings(url, config.optional("COMBOT_DB_USER").orElse(null),
                config.optional("COMBOT_DB_PASSWORD").orElse(null), config.integer("COMBOT_DB_READ_POOL_SIZE"),
                config.integer("COMBOT_DB_POOL_SIZE"), config.duration("COMBOT_DB_MAX_LIFETIME"),
                config.duration("COMBOT_DB_BUSY_TIMEOUT"), config.duration("COMBOT_DB_CONNECT_TIMEOUT"),
                config.duration("COMBOT_DB_SOCKET_TIMEOUT"));
    }

    private static ClassifierSettings classifier(ConfigSource config) {
        return new ClassifierSettings(config.integer("COMBOT_CLASSIFIER_WORKERS"),
                config.integer("COMBOT_CLASSIFIER_INTRA_OP_THREADS"), config.integer("COMBOT_CLASSIFIER_BATCH_SIZE"),
                config.duration("COMBOT_CLASSIFIER_BATCH_WAIT"), config.integer("COMBOT_CLASSIFIER_QUEUE_CAPACITY"),
                config.duration("COMBOT_CLASSIFIER_RETRY_AFTER"),
                config.integer("COMBOT_CLASSIFIER_MAX_TOKENS"), config.integer("COMBOT_CLASSIFIER_CACHE_SIZE"),
                config.optional("COMBOT_CLASSIFIER_CRISIS_THRESHOLD").isPresent()
                        ? OptionalDouble.of(config.decimal("COMBOT_CLASSIFIER_CRISIS_THRESHOLD"))
                        : OptionalDouble.empty(),
                config.optional("COMBOT_BOT_DIR").map(Path::of).orElse(null));
    }

    private static KnowledgeSettings knowledge(ConfigSource config) {
        return new KnowledgeSettings(config.integer("COMBOT_KNOWLEDGE_PASSAGE_WORDS"),
                config.integer("COMBOT_KNOWLEDGE_CANDIDATES"), config.decimal("COMBOT_KNOWLEDGE_KEYWORD_WEIGHT"));
    }

    private static LlmSettings llm(ConfigSource config) {
        return new LlmSettings(config.optional("COMBOT_OPENAI_API_KEY").orElse(null),
                config.string("COMBOT_OPENAI_BASE_URL"), config.string("COMBOT_OPENAI_MODEL"),
                config.decimal("COMBOT_OPENAI_TEMPERATURE"), config.integer("COMBOT_OPENAI_MAX_OUTPUT_TOKENS"),
                config.duration("COMBOT_OPENAI_CONNECT_TIMEOUT"), config.duration("COMBOT_OPENAI_REQUEST_TIMEOUT"),
                config.integer("COMBOT_LLM_MAX_CONCURRENT_CALLS"), config.duration("COMBOT_LLM_MAX_WAIT_FOR_SLOT"),
                config.integer("COMBOT_LLM_MAX_RETRIES"), config.integer("COMBOT_LLM_CONTEXT_BUDGET_CHARS"),
                config.duration("COMBOT_LLM_CIRCUIT_OPEN_DURATION"));
    }

    /** Makes each module's settings a bean, for the adapters' configurations to take. */
    void registerIn(GenericApplicationContext context) {
        context.registerBean(WebSettings.class, () -> web);
        context.registerBean(ChatPolicy.class, () -> chat);
        context.registerBean(PersistenceSettings.class, () -> persistence);
        context.registerBean(ClassifierSettings.class, () -> classifier);
        context.registerBean(LlmSettings.class, () -> llm);
        context.registerBean(KnowledgeSettings.class, () -> knowledge);
        context.registerBean(OpsSettings.class, () -> ops);
    }

    @Override
    public String toString() {
        return "CombotSettings[" + server + ", " + web + ", " + persistence + ", " + classifier + ", " + llm + ", "
                + ops + ", " + access + "]";
    }
}
