package io.combot.adapter.out.ml;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.combot.domain.error.InvalidBotException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.GroundingPolicy;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentDefinition;
import io.combot.domain.model.IntentRoute;
import io.combot.domain.model.KnowledgeReplies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.StringJoiner;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code bot.yaml} into a {@link BotDefinition}. Unknown keys are refused (a misspelt key would otherwise be
 * ignored in silence); a key the file leaves out, and the crisis intent when it is missing, come from the shipped
 * bot. Every refusal is one line naming the file, the line or key, and the bad value.
 */
final class BotYaml {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final BotFile SHIPPED = parseFile(BotSource.shipped().read(BotSource.BOT_YAML).orElseThrow(),
            BotSource.shipped().describe(BotSource.BOT_YAML));

    private BotYaml() {
    }

    record BotFile(String name,
                @JsonProperty("system_prompt") String systemPrompt,
                @JsonProperty("safety_reply") String safetyReply,
                @JsonProperty("fallback_reply") String fallbackReply,
                @JsonProperty("offline_reply") String offlineReply,
                @JsonProperty("min_confidence") Double minConfidence,
                List<IntentEntry> intents,
                IntentEntry unknown,
                KnowledgeEntry knowledge) {
    }

    /** The knowledge route's texts; each key may be left out for the default. */
    record KnowledgeEntry(@JsonProperty("no_answer") String noAnswer,
                          @JsonProperty("min_similarity") Double minSimilarity) {
    }

    record IntentEntry(String name, String description, Route route, List<String> replies, String prompt,
                       String offline) {
    }

    /**
     * A route of bot.yaml, read by the domain's rule while the parser still knows where it is, so that a wrong one is
     * reported with its line.
     */
    record Route(IntentRoute domain) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Route of(String value) {
            try {
                return new Route(IntentRoute.fromLabel(value));
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    static BotDefinition read(byte[] bytes, String file) {
        return definition(parseFile(bytes, file), file);
    }

    private static BotFile parseFile(byte[] bytes, String file) {
        boolean onlyComments = new String(bytes, StandardCharsets.UTF_8).lines()
                .allMatch(line -> line.isBlank() || line.strip().startsWith("#"));
        if (onlyComments) {
            throw new InvalidBotException(file + ": the file is empty; it needs at least 'name' and 'intents'");
        }
        BotFile parsed;
        try {
            parsed = YAML.readValue(bytes, BotFile.class);
        } catch (JacksonException e) {
            throw new InvalidBotException(file + describe(e), e);
        }
        if (parsed == null) {
            throw new InvalidBotException(file + ": the file is empty; it needs at least 'name' and 'intents'");
        }
        return parsed;
    }

    private static BotDefinition definition(BotFile file, String source) {
        require(file.name() != null, source + ": key 'name' is missing");
        require(file.intents() != null && !file.intents().isEmpty(), source + ": key 'intents' is missing or empty");
        List<IntentDefinition> intents = new ArrayList<>();
        for (int i = 0; i < file.intents().size(); i++) {
            IntentEntry entry = file.intents().get(i);
            require(entry != null, source + ": intents[" + i + "] is empty");
            intents.add(intent(entry, source, "intents[" + i + "]"));
        }
        if (intents.stream().noneMatch(definition -> definition.intent().equals(Intent.CRISIS))) {
            intents.add(shippedCrisis());
        }
        IntentEntry unknown = file.unknown() == null ? SHIPPED.unknown() : file.unknown();
        require(unknown.name() == null || unknown.name().equals(Intent.UNKNOWN.label()),
                source + ": key 'unknown' takes no name, found '" + unknown.name() + "'");
        IntentEntry named = new IntentEntry(Intent.UNKNOWN.label(), unknown.description(), unknown.route(),
                unknown.replies(), unknown.prompt(), unknown.offline());
        try {
            return new BotDefinition(file.name(), intents, intent(named, source, "unknown"),
                    orShipped(file.systemPrompt(), SHIPPED.systemPrompt()),
                    orShipped(file.safetyReply(), SHIPPED.safetyReply()),
                    orShipped(file.fallbackReply(), SHIPPED.fallbackReply()),
                    orShipped(file.offlineReply(), SHIPPED.offlineReply()), knowledge(file.knowledge()),
                    file.minConfidence() == null ? OptionalDouble.empty() : OptionalDouble.of(file.minConfidence()));
        } catch (InvalidInputException e) {
            throw new InvalidBotException(source + ": " + e.getMessage());
        }
    }

    private static KnowledgeReplies knowledge(KnowledgeEntry entry) {
        KnowledgeReplies defaults = KnowledgeReplies.DEFAULT;
        if (entry == null) {
            return defaults;
        }
        return new KnowledgeReplies(entry.noAnswer() == null ? defaults.noAnswer() : entry.noAnswer(),
                entry.minSimilarity() == null ? defaults.grounding() : new GroundingPolicy(entry.minSimilarity()),
                defaults.passages());
    }

    private static IntentDefinition intent(IntentEntry entry, String source, String key) {
        require(entry.name() != null, source + ": " + key + " has no 'name'");
        require(entry.route() != null,
                source + ": " + key + " (" + entry.name() + ") has no 'route' (reply, llm, safety or knowledge)");
        require(entry.replies() == null || !entry.replies().contains(null),
                source + ": " + key + " (" + entry.name() + ") has an empty item under 'replies'");
        try {
            return new IntentDefinition(Intent.of(entry.name()), entry.description(), entry.route().domain(),
                    entry.replies(), entry.prompt(), entry.offline());
        } catch (InvalidInputException e) {
            throw new InvalidBotException(source + ": " + key + ": " + e.getMessage());
        }
    }

    private static IntentDefinition shippedCrisis() {
        return SHIPPED.intents().stream().filter(entry -> Intent.CRISIS.label().equals(entry.name()))
                .map(entry -> intent(entry, "the shipped bot.yaml", "crisis")).findFirst().orElseThrow();
    }

    private static String orShipped(String value, String shipped) {
        return value == null ? shipped : value.strip();
    }

    /** ": line 12, column 12 (intents[3].route): route 'teleport' is not one of reply, llm, safety, knowledge". */
    private static String describe(JacksonException e) {
        StringBuilder out = new StringBuilder(":");
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            out.append(" line ").append(e.getLocation().getLineNr()).append(", column ")
                    .append(e.getLocation().getColumnNr());
        }
        StringJoiner path = new StringJoiner(".");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.add(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.add("[" + reference.getIndex() + "]");
            }
        }
        if (path.length() > 0) {
            out.append(" (").append(path.toString().replace(".[", "[")).append(')');
        }
        return out.append(": ").append(reason(e)).toString();
    }

    private static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key '" + unknown.getPropertyName() + "'; the keys here are "
                    + unknown.getKnownPropertyIds();
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        return oneLine(e.getOriginalMessage());
    }

    /** SnakeYAML's message on one line: its statements, without the excerpt and the positions said already. */
    private static String oneLine(String text) {
        if (text == null) {
            return "malformed YAML";
        }
        StringJoiner statements = new StringJoiner(": ");
        text.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip).filter(line -> !line.startsWith("in "))
                .forEach(statements::add);
        return statements.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidBotException(message);
        }
    }
}
