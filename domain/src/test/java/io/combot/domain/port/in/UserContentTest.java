package io.combot.domain.port.in;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.SessionId;
import org.junit.jupiter.api.Test;

/** Both ways a user's message comes in refuse the same content, a NUL as a comment refuses it. */
class UserContentTest {
    private static final OwnerId CALLER = new OwnerId("alice");
    private static final SessionId SESSION = SessionId.random();

    @Test
    void aNulIsRefusedByBothCommandsAndOtherControlCharactersAreNot() {
        assertThatThrownBy(() -> new SendMessageCommand(SESSION, CALLER, "hi\0there", null))
                .isInstanceOf(InvalidInputException.class).hasMessage("content must not contain a NUL character");
        assertThatThrownBy(() -> new CompleteChatCommand(CALLER, "bot", null, "hi\0", ClientContext.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessage("content must not contain a NUL character");
        assertThatCode(() -> new SendMessageCommand(SESSION, CALLER, "hi\u001bthere\u001c", null))
                .doesNotThrowAnyException();
    }

    @Test
    void aBlankOrMissingContentIsRefusedAsBefore() {
        assertThatThrownBy(() -> new SendMessageCommand(SESSION, CALLER, " \t", null))
                .hasMessage("content must not be blank");
        assertThatThrownBy(() -> new CompleteChatCommand(CALLER, "bot", null, null, ClientContext.NONE))
                .hasMessage("content is required");
    }
}
