package io.combot.domain.model;

import java.time.Instant;

/** One message of a session. {@code sequence} orders the messages of a session, from 0, with no gaps. */
public sealed interface Message permits UserMessage, AssistantMessage {
    MessageId id();

    SessionId sessionId();

    long sequence();

    String content();

    Instant createdAt();

    Role role();
}
