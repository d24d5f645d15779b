package io.combot.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code feedback}: the rating of one reply, deleted with it. Mapped by {@link FeedbackJpaMapper}. */
@Entity
@Table(name = "feedback")
class FeedbackJpaEntity {
    @Id
    @Column(name = "message_id", length = 36)
    private String replyId;

    @Column(name = "rating", nullable = false, length = 8)
    private String rating;

    @Column(name = "comment", columnDefinition = "text")
    private String comment;

    @Column(name = "rated_at", nullable = false)
    private long ratedAt;

    public String getReplyId() {
        return replyId;
    }

    public void setReplyId(String replyId) {
        this.replyId = replyId;
    }

    public String getRating() {
        return rating;
    }

    public void setRating(String rating) {
        this.rating = rating;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public long getRatedAt() {
        return ratedAt;
    }

    public void setRatedAt(long ratedAt) {
        this.ratedAt = ratedAt;
    }
}
