package io.combot.domain.port.out;

import io.combot.domain.model.SessionId;

/** Ends a session in storage: its owner wants it gone. */
public interface DeleteSessionPort {
    /** Deletes the session with its messages and the feedback on them; false when there was none. */
    boolean delete(SessionId id);
}
