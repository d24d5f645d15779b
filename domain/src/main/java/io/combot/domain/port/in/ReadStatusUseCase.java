package io.combot.domain.port.in;

import io.combot.domain.model.ServiceStatus;

public interface ReadStatusUseCase {
    /** The process's memory and the LLM circuit now; cheap enough to poll every few seconds. */
    ServiceStatus status();
}
