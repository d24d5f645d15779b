package io.combot.domain.port.in;

public interface EndSessionUseCase {
    /** Deletes the session and all its messages. */
    void endSession(SessionQuery query);
}
