package io.combot.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotDefinitionTest {
    private static final IntentDefinition CRISIS =
            new IntentDefinition(Intent.CRISIS, null, IntentRoute.SAFETY, List.of(), null, null);
    private static final IntentDefinition ORDER = new IntentDefinition(Intent.of("order_status"), "where is it",
            IntentRoute.REPLY, List.of("Track it at /orders.", "See /orders."), null, null);
    private static final IntentDefinition CANCEL = new IntentDefinition(Intent.of("cancel_account"), null,
            IntentRoute.LLM, List.of(), "Explain how to close an account.", "Open Settings > Account.");

    private static BotDefinition bot(List<IntentDefinition> intents) {
        return new BotDefinition("shop", intents, IntentDefinition.llm(Intent.UNKNOWN), "You are a shop assistant.",
                "Call 112.", "Sorry, try again.", "I am offline.");
    }

    @Test
    void anIntentIsAnsweredAsItsDefinitionSays() {
        BotDefinition shop = bot(List.of(ORDER, CANCEL, CRISIS));

        assertThat(shop.intentNames()).containsExactly(Intent.of("order_status"), Intent.of("cancel_account"),
                Intent.CRISIS);
        assertThat(shop.definitionOf(Intent.of("order_status")).replies()).hasSize(2);
        assertThat(shop.systemPromptFor(Intent.of("cancel_account")))
                .isEqualTo("You are a shop assistant.\n\nExplain how to close an account.");
        assertThat(shop.offlineReplyFor(Intent.of("cancel_account"))).isEqualTo("Open Settings > Account.");
    }

    @Test
    void unknownAndIntentsTheBotDoesNotNameAreAnsweredAsUnknownWithTheBotsTexts() {
        BotDefinition shop = bot(List.of(ORDER, CRISIS));

        assertThat(shop.definitionOf(Intent.of("weather")).intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(shop.systemPromptFor(Intent.UNKNOWN)).isEqualTo("You are a shop assistant.");
        assertThat(shop.offlineReplyFor(Intent.UNKNOWN)).isEqualTo("I am offline.");
    }

    @Test
    void aBotWithoutCrisisIsRefused() {
        assertThatThrownBy(() -> bot(List.of(ORDER, CANCEL))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("crisis");
    }

    @Test
    void crisisRoutedAnywhereButSafetyIsRefused() {
        assertThatThrownBy(() -> new IntentDefinition(Intent.CRISIS, null, IntentRoute.LLM, List.of(), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("crisis must have route safety");
    }

    @Test
    void anIntentDefinedTwiceIsRefused() {
        assertThatThrownBy(() -> bot(List.of(ORDER, ORDER, CRISIS))).hasMessageContaining("order_status is defined twice");
    }

    @Test
    void unknownIsNotAnIntentOfTheBot() {
        List<IntentDefinition> intents = new ArrayList<>(List.of(ORDER, CRISIS));
        intents.add(IntentDefinition.llm(Intent.UNKNOWN));
        assertThatThrownBy(() -> bot(intents)).hasMessageContaining("unknown is reserved");
    }

    @Test
    void aReplyRouteNeedsRepliesAndOtherRoutesTakeNone() {
        assertThatThrownBy(() -> new IntentDefinition(Intent.of("hi"), null, IntentRoute.REPLY, List.of(), null, null))
                .hasMessageContaining("hi has route reply but no replies");
        assertThatThrownBy(() -> new IntentDefinition(Intent.of("hi"), null, IntentRoute.LLM, List.of("x"), null, null))
                .hasMessageContaining("replies need route reply");
        assertThatThrownBy(() -> new IntentDefinition(Intent.of("hi"), null, IntentRoute.REPLY, List.of(" "), null,
                null)).hasMessageContaining("blank reply");
    }

    @Test
    void routesAreReadFromTheirLowercaseNamesOnly() {
        assertThat(IntentRoute.fromLabel("safety")).isEqualTo(IntentRoute.SAFETY);
        assertThatThrownBy(() -> IntentRoute.fromLabel("teleport")).hasMessageContaining("'teleport'");
    }
}
