package io.combot.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of API version 1. */
final class WebDtos {
    private WebDtos() {
    }

    record SendMessageRequest(String content, String clientMessageId) {
    }

    record ClassifyRequest(String text) {
    }

    /** {@code limit} may be left out: {@link io.combot.domain.model.KnowledgeQuery#DEFAULT_LIMIT}. */
    record KnowledgeSearchRequest(String query, Integer limit) {
    }

    record KnowledgeSearchResponse(List<PassageResponse> results) {
    }

    record PassageResponse(String source, String title, String section, String text, double score) {
    }

    record CreatedSessionResponse(String id, Instant createdAt, Instant expiresAt) {
    }

    record SessionResponse(String id, Instant createdAt, Instant lastActivityAt, Instant expiresAt, long messageCount) {
    }

    /**
     * One shape for both roles: the user's fields are absent from a reply and the reply's from a user message;
     * {@code grounded} and {@code citations} are a knowledge reply's only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageResponse(String id, String role, String content, Instant createdAt, String intent, Double confidence,
                           String route, Boolean degraded, FeedbackResponse feedback, Boolean grounded,
                           List<CitationResponse> citations) {
    }

    /** {@code url} is absent when the document gave none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CitationResponse(String source, String title, String section, String url, String snippet, double score) {
    }

    record FeedbackRequest(String rating, String comment) {
    }

    /** {@code comment} is absent when none was given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedbackResponse(String rating, String comment, Instant ratedAt) {
    }

    record TurnResponse(MessageResponse userMessage, MessageResponse reply) {
    }

    record HistoryResponse(List<MessageResponse> items, String nextBefore) {
    }

    record ClassificationResponse(String intent, double confidence, Map<String, Double> scores, String modelVersion,
                                  CrisisPartResponse crisisPart) {
    }

    /** Which part of the message made it a crisis (index from 0, of how many), and that part's score. */
    record CrisisPartResponse(int index, int parts, double score) {
    }

    record LabelRequest(String intent) {
    }

    record LabelResponse(String messageId, String intent, String text, Instant labelledAt) {
    }

    /** A user message of the inbox; {@code feedback} (on its reply) and {@code label} are absent when there is none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReviewItemResponse(String messageId, String sessionId, String text, String intent, double confidence,
                              String route, FeedbackResponse feedback, Instant createdAt, LabelResponse label) {
    }

    record ReviewPageResponse(List<ReviewItemResponse> items, String nextBefore) {
    }

    record CheckResponse(String name, String status, String detail) {
    }

    record HealthResponse(String status, List<CheckResponse> checks) {
    }

    /** Nullable: {@code heapMaxBytes} when the heap has no limit, {@code rssBytes} where the OS does not tell it. */
    record StatusResponse(Instant at, long heapUsedBytes, Long heapMaxBytes, Long rssBytes, int requestsInFlight,
                          String llmCircuit, ActivityResponse activity) {
    }

    /**
     * Running totals since this instance started (the status page shows their growth over its window): replies by
     * route, user messages by intent ({@code unknown}: below the confidence threshold), and ratings given.
     */
    record ActivityResponse(Map<String, Long> repliesByRoute, Map<String, Long> messagesByIntent, long messages,
                            long lowConfidenceMessages, long ratedUp, long ratedDown) {
    }
}
