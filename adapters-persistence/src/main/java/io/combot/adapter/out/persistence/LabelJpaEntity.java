package io.combot.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code labels}, kept apart from the messages so that it outlives them. Mapped by {@link FeedbackJpaMapper}. */
@Entity
@Table(name = "labels")
class LabelJpaEntity {
    @Id
    @Column(name = "message_id", length = 36)
    private String messageId;

    @Column(name = "text", nullable = false, columnDefinition = "text")
    private String text;

    @Column(name = "intent", nullable = false, length = 64)
    private String intent;

    @Column(name = "labelled_at", nullable = false)
    private long labelledAt;

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getIntent() {
        return intent;
    }

    public void setIntent(String intent) {
        this.intent = intent;
    }

    public long getLabelledAt() {
        return labelledAt;
    }

    public void setLabelledAt(long labelledAt) {
        this.labelledAt = labelledAt;
    }
}
