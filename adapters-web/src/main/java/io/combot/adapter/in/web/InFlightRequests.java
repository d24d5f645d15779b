package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.servlet.HandlerInterceptor;

/** Counts the requests being handled right now, for the status page; every handler is synchronous. */
final class InFlightRequests implements HandlerInterceptor {
    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        inFlight.incrementAndGet();
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        inFlight.decrementAndGet();
    }

    int count() {
        return inFlight.get();
    }
}
