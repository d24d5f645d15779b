package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems answered by the servlet filters, which run before Spring MVC and its {@link ProblemHandler}: problem+json,
 * or OpenAI's error shape on the paths {@link OpenAiErrors} covers.
 */
final class FilterProblems {
    private static final JsonMapper JSON = WebConfiguration.strictJsonMapper();

    private FilterProblems() {
    }

    static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (OpenAiErrors.covers(request)) {
            OpenAiErrors.write(response, problem.getStatus(), problem.getDetail());
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
