package io.combot.domain.port.in;

import io.combot.domain.error.InvalidInputException;

/** What a user's message must be, whichever API it came through; its length is the service's policy, not here. */
final class UserContent {
    private UserContent() {
    }

    /** A NUL is refused as in a comment: no reader of a stored text or of train.tsv expects one. */
    static void check(String content) {
        InvalidInputException.require(content != null, "content is required");
        InvalidInputException.require(!content.isBlank(), "content must not be blank");
        InvalidInputException.require(content.indexOf('\0') < 0, "content must not contain a NUL character");
    }
}
