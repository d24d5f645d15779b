package io.combot.adapter.out.llm;

import io.combot.domain.model.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The texts an operator may edit, per route and intent: the LLM's system prompts ({@code [llm]} for every intent,
 * plus {@code [llm.<intent>]}) and the offline responder's replies ({@code [offline.<intent>]}). The shipped file
 * holds them all; an operator's file replaces only the sections it names.
 */
final class PromptTemplates {
    static final String DEFAULT_RESOURCE = "prompts.txt";

    private final Map<String, String> sections;

    private PromptTemplates(Map<String, String> sections) {
        this.sections = Map.copyOf(sections);
    }

    /** The shipped texts, overridden section by section by the file at {@code operatorFile} when it is not null. */
    static PromptTemplates load(Path operatorFile) {
        Map<String, String> sections = new LinkedHashMap<>(parse(shipped(), "the shipped " + DEFAULT_RESOURCE));
        if (operatorFile != null) {
            try {
                sections.putAll(parse(Files.readString(operatorFile, StandardCharsets.UTF_8), operatorFile.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the LLM prompt file " + operatorFile, e);
            }
        }
        return new PromptTemplates(sections);
    }

    String systemPrompt(Intent intent) {
        String common = sections.get("llm");
        String specific = sections.get("llm." + intent.label());
        return specific == null ? common : common + "\n\n" + specific;
    }

    String offlineReply(Intent intent) {
        return sections.get("offline." + intent.label());
    }

    /**
     * Sections start with a {@code [name]} line; lines starting with {@code #} are comments. A section's text is
     * its paragraphs, each paragraph's lines joined by spaces (so the file may be wrapped for editing), and the
     * paragraphs separated by one blank line.
     */
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");

    static Map<String, String> parse(String text, String source) {
        Map<String, String> parsed = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        int lineNumber = 0;
        for (String line : text.split("\\R", -1)) {
            lineNumber++;
            if (line.startsWith("#")) {
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                put(parsed, name, body, source);
                name = trimmed.substring(1, trimmed.length() - 1).strip();
                if (!knownSections().contains(name)) {
                    throw new IllegalArgumentException("Unknown section [" + name + "] at line " + lineNumber + " of "
                            + source + "; the known sections are " + knownSections());
                }
                body.setLength(0);
            } else if (name == null && !trimmed.isEmpty()) {
                throw new IllegalArgumentException("Text before the first [section] at line " + lineNumber + " of "
                        + source);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        put(parsed, name, body, source);
        return parsed;
    }

    private static void put(Map<String, String> parsed, String name, StringBuilder body, String source) {
        if (name == null) {
            return;
        }
        String text = PARAGRAPH_BREAK.splitAsStream(body.toString().strip())
                .map(paragraph -> LINE_BREAK.matcher(paragraph.strip()).replaceAll(" "))
                .collect(Collectors.joining("\n\n"));
        if (text.isEmpty()) {
            throw new IllegalArgumentException("The section [" + name + "] of " + source + " is empty");
        }
        parsed.put(name, text);
    }

    static Set<String> knownSections() {
        Set<String> names = new TreeSet<>();
        names.add("llm");
        for (Intent intent : Intent.values()) {
            names.add("llm." + intent.label());
            names.add("offline." + intent.label());
        }
        return names;
    }

    private static String shipped() {
        try (InputStream in = PromptTemplates.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The shipped " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
