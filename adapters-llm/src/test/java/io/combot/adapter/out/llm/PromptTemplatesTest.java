package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.model.Intent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PromptTemplatesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Intent.class)
    void theShippedFileHasAPromptAndAnOfflineReplyForEveryIntent(Intent intent) {
        PromptTemplates shipped = PromptTemplates.load(null);

        assertThat(shipped.systemPrompt(intent)).startsWith("You are Combot").contains("\n\n");
        assertThat(shipped.offlineReply(intent)).isNotBlank();
    }

    @Test
    void anOperatorsFileReplacesOnlyTheSectionsItNames() throws IOException {
        Path file = Files.writeString(dir.resolve("prompts.txt"), """
                # our tone
                [llm.question]
                Answer like a pirate.

                [offline.help]
                Call 555-0100.
                """);

        PromptTemplates templates = PromptTemplates.load(file);

        assertThat(templates.systemPrompt(Intent.QUESTION)).startsWith("You are Combot")
                .endsWith("\n\nAnswer like a pirate.");
        assertThat(templates.offlineReply(Intent.HELP)).isEqualTo("Call 555-0100.");
        assertThat(templates.offlineReply(Intent.QUESTION)).isEqualTo(PromptTemplates.load(null)
                .offlineReply(Intent.QUESTION));
    }

    @Test
    void wrappedLinesAreJoinedAndParagraphsKept() {
        String text = "[offline.help]\nI can answer questions\n  about your order.\n\nAsk away!\n";

        assertThat(PromptTemplates.parse(text, "test")).containsEntry("offline.help",
                "I can answer questions about your order.\n\nAsk away!");
    }

    @ParameterizedTest
    @EnumSource(Intent.class)
    void theShippedOfflineRepliesHaveNoHardLineBreaks(Intent intent) {
        assertThat(PromptTemplates.load(null).offlineReply(intent)).doesNotContain("\n");
    }

    @Test
    void aMistypedSectionIsRefusedWithTheKnownNames() throws IOException {
        Path file = Files.writeString(dir.resolve("prompts.txt"), "[llm.questoin]\nHi\n");

        assertThatThrownBy(() -> PromptTemplates.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[llm.questoin]").hasMessageContaining("line 1").hasMessageContaining("llm.question");
    }

    @Test
    void anEmptySectionOrAMissingFileIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "[llm]\n\n[llm.help]\nHelp.\n");

        assertThatThrownBy(() -> PromptTemplates.load(empty)).hasMessageContaining("[llm]").hasMessageContaining("empty");
        assertThatThrownBy(() -> PromptTemplates.load(dir.resolve("missing.txt")))
                .hasMessageContaining("missing.txt");
    }
}
