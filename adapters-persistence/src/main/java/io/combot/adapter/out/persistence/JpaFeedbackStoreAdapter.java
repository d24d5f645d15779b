package io.combot.adapter.out.persistence;

import io.combot.domain.model.Feedback;
import io.combot.domain.model.MessageId;
import io.combot.domain.port.out.FeedbackStorePort;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ratings of replies; the foreign key on the reply deletes them with their session. */
final class JpaFeedbackStoreAdapter implements FeedbackStorePort {
    private final JpaTransactions transactions;
    private final FeedbackJpaMapper mapper;

    JpaFeedbackStoreAdapter(JpaTransactions transactions, FeedbackJpaMapper mapper) {
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /**
     * An upsert, which SQLite (3.24 on) and PostgreSQL spell alike, so that two instances rating one reply at once
     * both succeed and the last one wins instead of one failing on the primary key.
     */
    @Override
    public Optional<Feedback> saveFeedback(Feedback feedback) {
        FeedbackJpaEntity row = mapper.toEntity(feedback);
        return transactions.inWriteTransaction(db -> {
            Optional<Feedback> previous = Optional.ofNullable(db.get(FeedbackJpaEntity.class, row.getReplyId()))
                    .map(mapper::toDomain);
            db.createNativeMutationQuery("""
                            insert into feedback (message_id, rating, comment, rated_at)
                            values (:replyId, :rating, :comment, :ratedAt)
                            on conflict (message_id) do update
                            set rating = excluded.rating, comment = excluded.comment, rated_at = excluded.rated_at""")
                    .setParameter("replyId", row.getReplyId())
                    .setParameter("rating", row.getRating())
                    .setParameter("comment", row.getComment(), String.class)
                    .setParameter("ratedAt", row.getRatedAt())
                    .executeUpdate();
            return previous;
        });
    }

    @Override
    public boolean deleteFeedback(MessageId replyId) {
        return transactions.inWriteTransaction(db -> db
                .createMutationQuery("delete from FeedbackJpaEntity f where f.replyId = :id")
                .setParameter("id", replyId.value())
                .executeUpdate() > 0);
    }

    @Override
    public Map<MessageId, Feedback> findFeedback(Collection<MessageId> replyIds) {
        if (replyIds.isEmpty()) {
            return Map.of();
        }
        List<String> ids = replyIds.stream().map(MessageId::value).toList();
        List<FeedbackJpaEntity> rows = transactions.inReadTransaction(db -> db
                .createSelectionQuery("select f from FeedbackJpaEntity f where f.replyId in :ids",
                        FeedbackJpaEntity.class)
                .setParameter("ids", ids)
                .getResultList());
        Map<MessageId, Feedback> found = new HashMap<>();
        rows.stream().map(mapper::toDomain).forEach(feedback -> found.put(feedback.replyId(), feedback));
        return found;
    }
}
