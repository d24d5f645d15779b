package io.combot.bootstrap.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds every answer the end-to-end tests receive to the published OpenAPI document ({@code web/openapi.json}, the
 * file the service serves at {@code /openapi.json}), with Atlassian's swagger-request-validator. On a documented
 * operation the status must be one the operation documents, and the body and the declared headers must match it. An
 * answer off the document (an unknown path, a method the path does not take) must still be an error in the shape
 * the document gives every error on that path: problem+json, or OpenAI's error under {@code /v1/}. Not checked: the
 * Prometheus scrape and the pages' static files, which the document leaves out on purpose, and HTTP's own methods
 * (HEAD, OPTIONS, TRACE) when the container answers them without an error.
 */
final class OpenApiContract {
    private static final String DOCUMENT = "web/openapi.json";
    /** Not part of the published API: the Prometheus scrape and the pages' static files. */
    private static final List<String> UNDOCUMENTED = List.of("/metrics", "/assets/");
    private static final Set<String> PROTOCOL_METHODS = Set.of("HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OFF_DOCUMENT = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static final String SPEC = read();
    /**
     * Combinators resolved: the validator refuses members a schema does not name, so each part of an {@code allOf}
     * (the admin API's problem with the reload's members) would refuse the other part's members.
     */
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).withResolveCombinators(true).build();
    private static final OpenAPI API = parse();
    private static final SchemaValidator SCHEMAS = new SchemaValidator(API, new MessageResolver());

    private OpenApiContract() {
    }

    /**
     * Fails with the validator's report unless the answer to {@code method target} agrees with the document.
     *
     * @param target the request target as sent: a path, perhaps with a query; the hostile tests send odd ones
     */
    static void check(String method, String target, int status, Map<String, List<String>> headers, String body) {
        String path = path(target);
        String verb = method.toUpperCase(Locale.ROOT);
        if (path == null || UNDOCUMENTED.stream().anyMatch(path::startsWith)
                || PROTOCOL_METHODS.contains(verb) && (status < 400 || body == null || body.isEmpty())) {
            return;
        }
        ValidationReport report = operation(verb)
                .map(known -> VALIDATOR.validateResponse(path, known, response(status, headers, body)))
                .filter(answer -> answer.getMessages().stream().noneMatch(m -> OFF_DOCUMENT.contains(m.getKey())))
                .orElseGet(() -> offDocument(path, status, headers, body));
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + target + " is not as /openapi.json says:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report) + "\nstatus " + status + ", headers "
                    + headers + ", body " + body);
        }
    }

    /** An answer no operation documents: an error, in the shape of every error on that path. */
    private static ValidationReport offDocument(String path, int status, Map<String, List<String>> headers,
                                                String body) {
        boolean openAi = path.startsWith("/v1/");
        String expected = openAi ? "application/json" : "application/problem+json";
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(e -> e.getValue().get(0)).findFirst().orElse("");
        if (status < 400 || !contentType.startsWith(expected)) {
            return ValidationReport.singleton(ValidationReport.Message.create("e2e.offDocument",
                    "An answer on a path or method the document does not name must be an error as " + expected
                            + ", not " + status + " " + contentType).build());
        }
        return SCHEMAS.validate(body, API.getComponents().getSchemas().get(openAi ? "OpenAiError" : "Problem"),
                "response.body");
    }

    private static SimpleResponse response(int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        return response.build();
    }

    private static Optional<Request.Method> operation(String method) {
        try {
            return Optional.of(Request.Method.valueOf(method));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The target's path as sent, without the query; null for a target that is not a path (asterisk form …). */
    private static String path(String target) {
        String path = target.split("[?#]", 2)[0];
        return path.startsWith("/") ? path : null;
    }

    private static String read() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(SPEC, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException(DOCUMENT + " does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
