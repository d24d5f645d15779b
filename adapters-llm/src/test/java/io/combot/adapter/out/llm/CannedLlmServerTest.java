package io.combot.adapter.out.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's stand-in answers as an OpenAI server does, so that the client's whole code for a reply and for a
 * stream runs through to the end (a warm-up that failed half-way would only log a warning).
 */
class CannedLlmServerTest {
    @Test
    void theOfficialClientReadsItsCompletionAndItsStreamToTheEnd() throws Exception {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("any")
                .addSystemMessage("You are helpful.").addUserMessage("Hi").build();
        try (CannedLlmServer canned = CannedLlmServer.start()) {
            OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(canned.baseUrl()).apiKey("warm-up")
                    .maxRetries(0).build();
            try {
                String whole = client.chat().completions().create(params).choices().get(0).message().content()
                        .orElseThrow();
                List<ChatCompletionChunk> chunks;
                try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
                        .createStreaming(params)) {
                    chunks = stream.stream().toList();
                }

                assertThat(whole).isEqualTo("Hello.");
                assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                        .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining()))
                        .isEqualTo("Hello.");
                assertThat(chunks.get(chunks.size() - 1).usage()).isPresent();
            } finally {
                client.close();
            }
        }
    }
}
