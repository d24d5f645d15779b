package io.combot.adapter.in.web;

import java.time.Duration;

/**
 * Admission control: at most {@code maxConcurrentRequests} requests are handled at once, the next
 * {@code queueCapacity} wait up to {@code queueTimeout} without holding a thread, anything beyond is refused with 503.
 * Bootstrap reads and checks the values with the server's other bounds (they are sized against its thread pool).
 */
public record AdmissionSettings(int maxConcurrentRequests, int queueCapacity, Duration queueTimeout) {
}
