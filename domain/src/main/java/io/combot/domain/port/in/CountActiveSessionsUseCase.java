package io.combot.domain.port.in;

public interface CountActiveSessionsUseCase {
    /** Sessions that have not expired now. */
    long countActiveSessions();
}
