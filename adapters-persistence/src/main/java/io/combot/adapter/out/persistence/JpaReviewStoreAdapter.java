package io.combot.adapter.out.persistence;

import io.combot.domain.error.InvalidInputException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Label;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.Rating;
import io.combot.domain.model.RemovedLabel;
import io.combot.domain.model.ReviewItem;
import io.combot.domain.model.ReviewPage;
import io.combot.domain.model.ReviewReason;
import io.combot.domain.model.Route;
import io.combot.domain.port.out.ReviewStorePort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/** The review inbox over the tables the session and feedback stores write, and the labels. */
final class JpaReviewStoreAdapter implements ReviewStorePort {
    private static final String LOW_CONFIDENCE = "u.intent = '" + Intent.UNKNOWN.label() + "'";
    private static final String DOWN_RATED = "f.rating = '" + Rating.DOWN.name() + "'";

    private final JpaTransactions transactions;
    private final MessageJpaMapper messages;
    private final FeedbackJpaMapper mapper;

    JpaReviewStoreAdapter(JpaTransactions transactions, MessageJpaMapper messages, FeedbackJpaMapper mapper) {
        this.transactions = transactions;
        this.messages = messages;
        this.mapper = mapper;
    }

    /**
     * One query: each user message with its reply (the next message of its session), the reply's feedback and the
     * message's label, filtered by reason, newest first by (created_at, id); one row past the page says whether older
     * items remain.
     */
    @Override
    public ReviewPage loadReview(ReviewReason reason, int limit, Optional<MessageId> before) {
        InvalidInputException.require(limit >= 1 && limit <= ReviewPage.MAX_LIMIT,
                "limit must be between 1 and " + ReviewPage.MAX_LIMIT);
        String condition = switch (reason) {
            case LOW_CONFIDENCE -> LOW_CONFIDENCE;
            case DOWN_RATED -> DOWN_RATED;
            case ALL -> "(" + LOW_CONFIDENCE + " or " + DOWN_RATED + ")";
        };
        List<Object[]> rows = transactions.inReadTransaction(db -> {
            Optional<Long> cursorTime = before.map(id -> createdAtOf(db, id));
            String hql = """
                    select u, r.route, f, l from MessageJpaEntity u
                    join MessageJpaEntity r on r.sessionId = u.sessionId and r.sequence = u.sequence + 1
                    left join FeedbackJpaEntity f on f.replyId = r.id
                    left join LabelJpaEntity l on l.messageId = u.id
                    where u.role = 'USER' and\s""" + condition
                    + (cursorTime.isPresent() ? " and (u.createdAt < :at or (u.createdAt = :at and u.id < :id))" : "")
                    + " order by u.createdAt desc, u.id desc";
            SelectionQuery<Object[]> query = db.createSelectionQuery(hql, Object[].class);
            cursorTime.ifPresent(at -> query.setParameter("at", at).setParameter("id", before.get().value()));
            return query.setMaxResults(limit + 1).getResultList();
        });
        List<ReviewItem> items = rows.stream().limit(limit).map(this::item).toList();
        return new ReviewPage(items, rows.size() > limit ? items.get(items.size() - 1).message().id() : null);
    }

    private static long createdAtOf(StatelessSession db, MessageId id) {
        return db.createSelectionQuery(
                        "select u.createdAt from MessageJpaEntity u where u.id = :id and u.role = 'USER'", Long.class)
                .setParameter("id", id.value())
                .uniqueResultOptional()
                .orElseThrow(() -> new InvalidInputException("before names no user message"));
    }

    private ReviewItem item(Object[] row) {
        return new ReviewItem(messages.toUserMessage((MessageJpaEntity) row[0]), Route.valueOf((String) row[1]),
                row[2] == null ? null : mapper.toDomain((FeedbackJpaEntity) row[2]),
                row[3] == null ? null : mapper.toDomain((LabelJpaEntity) row[3]));
    }

    @Override
    public void saveLabel(Label label) {
        LabelJpaEntity row = mapper.toEntity(label);
        transactions.inWriteTransaction(db -> {
            db.createNativeMutationQuery("delete from removed_labels where message_id = :messageId")
                    .setParameter("messageId", row.getMessageId())
                    .executeUpdate();
            return db.createNativeMutationQuery("""
                            insert into labels (message_id, text, intent, labelled_at)
                            values (:messageId, :text, :intent, :labelledAt)
                            on conflict (message_id) do update
                            set text = excluded.text, intent = excluded.intent, labelled_at = excluded.labelled_at""")
                    .setParameter("messageId", row.getMessageId())
                    .setParameter("text", row.getText())
                    .setParameter("intent", row.getIntent())
                    .setParameter("labelledAt", row.getLabelledAt())
                    .executeUpdate();
        });
    }

    @Override
    public boolean deleteLabel(MessageId messageId, Instant at) {
        return transactions.inWriteTransaction(db -> {
            if (db.createMutationQuery("delete from LabelJpaEntity l where l.messageId = :id")
                    .setParameter("id", messageId.value())
                    .executeUpdate() == 0) {
                return false;
            }
            db.createNativeMutationQuery("""
                            insert into removed_labels (message_id, removed_at) values (:id, :at)
                            on conflict (message_id) do update set removed_at = excluded.removed_at""")
                    .setParameter("id", messageId.value())
                    .setParameter("at", StoredValues.epochMillis(at))
                    .executeUpdate();
            return true;
        });
    }

    @Override
    public List<Label> labelsSince(Optional<Instant> since) {
        long from = since.map(StoredValues::epochMillis).orElse(Long.MIN_VALUE);
        return transactions.inReadTransaction(db -> db.createSelectionQuery("""
                        select l from LabelJpaEntity l where l.labelledAt >= :since
                        order by l.labelledAt, l.messageId""", LabelJpaEntity.class)
                .setParameter("since", from)
                .getResultList()).stream().map(mapper::toDomain).toList();
    }

    @Override
    public List<RemovedLabel> removedLabelsSince(Optional<Instant> since) {
        long from = since.map(StoredValues::epochMillis).orElse(Long.MIN_VALUE);
        List<Object[]> rows = transactions.inReadTransaction(db -> db.createNativeQuery("""
                        select message_id, removed_at from removed_labels where removed_at >= :since
                        order by removed_at, message_id""", Object[].class)
                .setParameter("since", from)
                .getResultList());
        return rows.stream().map(row -> new RemovedLabel(new MessageId((String) row[0]),
                StoredValues.instant(((Number) row[1]).longValue()))).toList();
    }
}
