package io.combot.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of {@code message_citations}: one passage a knowledge reply cites, at its place in the reply's list. */
@Entity
@Table(name = "message_citations")
@IdClass(CitationJpaEntity.Key.class)
class CitationJpaEntity {
    /** The composite primary key. */
    record Key(String messageId, int ordinal) implements Serializable {
    }

    @Id
    @Column(name = "message_id", length = 36)
    private String messageId;

    @Id
    @Column(name = "ordinal")
    private int ordinal;

    @Column(name = "source", nullable = false, length = 1024)
    private String source;

    @Column(name = "title", nullable = false, columnDefinition = "text")
    private String title;

    @Column(name = "section", nullable = false, columnDefinition = "text")
    private String section;

    @Column(name = "url", columnDefinition = "text")
    private String url;

    @Column(name = "snippet", nullable = false, columnDefinition = "text")
    private String snippet;

    @Column(name = "score", nullable = false)
    private double score;

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public void setOrdinal(int ordinal) {
        this.ordinal = ordinal;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getSnippet() {
        return snippet;
    }

    public void setSnippet(String snippet) {
        this.snippet = snippet;
    }

    public double getScore() {
        return score;
    }

    public void setScore(double score) {
        this.score = score;
    }
}
