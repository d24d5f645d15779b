package io.combot.adapter.in.web;

import io.combot.adapter.in.web.OpenAiDtos.ErrorResponse;
import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.error.SessionBusyException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionLimitException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.error.StorageUnavailableException;
import io.combot.domain.error.UnknownBotException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error as RFC 9457 problem+json with a precise detail, or in OpenAI's shape on the paths {@link OpenAiErrors}
 * covers; Spring MVC's own errors (405, 415, 404 …) come from the base class. No stack trace ever reaches a client: unexpected errors are logged and answered with a plain 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    /** A storage fault's problem type: the database is full, read-only or unreachable, not the service overloaded. */
    static final URI STORAGE_UNAVAILABLE = URI.create("urn:combot:problem:storage-unavailable");
    /** The store recovers by itself within seconds of the fault ending (it was logged where it happened). */
    private static final long STORAGE_RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> error(Exception e, HttpServletRequest request) {
        ProblemDetail problem = problemFor(e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (e instanceof CapacityExceededException busy) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(busy)));
        }
        if (e instanceof StorageUnavailableException) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(STORAGE_RETRY_AFTER_SECONDS));
        }
        if (e instanceof SessionLimitException full) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retryAfterSeconds(full.retryAfter())));
        }
        if (OpenAiErrors.covers(request)) {
            return response.contentType(MediaType.APPLICATION_JSON).body(openAiErrorFor(e, problem));
        }
        return response.body(problem);
    }

    /** The same error in OpenAI's shape, for the OpenAI-compatible API. */
    ErrorResponse openAiErrorFor(Exception e) {
        return openAiErrorFor(e, problemFor(e));
    }

    private static ErrorResponse openAiErrorFor(Exception e, ProblemDetail problem) {
        String param = null;
        String code = null;
        if (e instanceof OpenAiRequestException refused) {
            param = refused.param();
        } else if (e instanceof UnknownBotException) {
            param = "model";
            code = "model_not_found";
        } else if (e instanceof SessionNotFoundException) {
            code = "session_not_found";
        } else if (e instanceof SessionLimitException) {
            code = "session_limit_exceeded";
        } else if (e instanceof StorageUnavailableException) {
            code = "storage_unavailable";
        }
        return OpenAiErrors.body(problem.getStatus(), problem.getDetail(), param, code);
    }

    /** An unknown admin action's 404 lists the actions there are; elsewhere Spring MVC's own 404. */
    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> admin = adminNotFound(e, request);
        return admin != null ? admin : super.handleNoHandlerFoundException(e, headers, status, request);
    }

    /** An admin action called with another method is no admin action either, as it always answered. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        ResponseEntity<Object> admin = adminNotFound(e, request);
        return admin != null ? admin : super.handleHttpRequestMethodNotSupported(e, headers, status, request);
    }

    private ResponseEntity<Object> adminNotFound(Exception e, WebRequest request) {
        if (!(request instanceof ServletWebRequest servlet) || !AdminActions.covers(servlet.getRequest())) {
            return null;
        }
        RequestMappingHandlerMapping mappings = RequestContextUtils.findWebApplicationContext(servlet.getRequest())
                .getBean(RequestMappingHandlerMapping.class);
        return handleExceptionInternal(e, AdminActions.notFound(servlet.getRequest(), mappings), new HttpHeaders(),
                HttpStatus.NOT_FOUND, request);
    }

    /** Spring MVC's own errors (404 for an unknown route, 405, 415 …) on the OpenAI-compatible paths too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet
                && OpenAiErrors.covers(servlet.getRequest())) {
            HttpHeaders json = new HttpHeaders();
            json.addAll(headers);
            json.setContentType(MediaType.APPLICATION_JSON);
            return new ResponseEntity<>(OpenAiErrors.body(statusCode.value(), problem.getDetail(), null, null), json,
                    statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** The problem for an error of the domain, or a plain 500 for anything unexpected (logged, never shown). */
    ProblemDetail problemFor(Exception e) {
        if (e instanceof InvalidInputException || e instanceof OpenAiRequestException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (e instanceof SessionNotFoundException || e instanceof MessageNotFoundException
                || e instanceof UnknownBotException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        }
        if (e instanceof SessionExpiredException expired) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
            problem.setProperty("expiredAt", expired.expiredAt().toString());
            return problem;
        }
        if (e instanceof SessionBusyException || e instanceof ConcurrentTurnException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        }
        if (e instanceof SessionLimitException full) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            problem.setProperty("retryAfterSeconds", Problems.retryAfterSeconds(full.retryAfter()));
            return problem;
        }
        if (e instanceof CapacityExceededException busy) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setProperty("retryAfterSeconds", retryAfterSeconds(busy));
            return problem;
        }
        if (e instanceof StorageUnavailableException storage) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setType(STORAGE_UNAVAILABLE);
            problem.setProperty("cause", storage.kind().label());
            problem.setProperty("retryAfterSeconds", STORAGE_RETRY_AFTER_SECONDS);
            return problem;
        }
        if (e instanceof UnsupportedCharsetException || e instanceof IllegalCharsetNameException) {
            // The servlet container throws these while reading the Content-Type, before any handler runs.
            return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type names a charset this service does not know; send JSON in UTF-8");
        }
        if (e instanceof ReplyUnavailableException) {
            // The application answers a failed generator with its fallback; reaching here means that contract broke.
            LOG.error("Reply generator failure escaped the fallback", e);
            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "No reply could be generated");
        }
        LOG.error("Unexpected error", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle the request; the error has been logged");
    }

    private static long retryAfterSeconds(CapacityExceededException busy) {
        return Problems.retryAfterSeconds(busy.retryAfter());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String detail = e.getPropertyName() + " must be " + article(e.getRequiredType());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Says what is wrong with the body without echoing it. */
    static String describe(HttpMessageNotReadableException e) {
        return describe(e.getMostSpecificCause());
    }

    /** The same for a body a controller reads itself. */
    static String describe(Throwable cause) {
        if (cause instanceof PropertyBindingException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'; the allowed fields are "
                    + names(unknown.getKnownPropertyIds());
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return "The body must be a JSON object";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return "Field '" + field(mismatch.getPath()) + "' must be " + article(mismatch.getTargetType());
        }
        if (cause instanceof StreamConstraintsException limit) {
            return "The JSON exceeds a limit of this service: " + withoutInternals(limit.getOriginalMessage());
        }
        if (cause instanceof StreamReadException malformed) {
            return "Malformed JSON at line " + malformed.getLocation().getLineNr() + ", column "
                    + malformed.getLocation().getColumnNr() + ": " + firstSentence(malformed.getOriginalMessage());
        }
        if (cause instanceof JacksonException other) {
            return "The body is not the JSON object this endpoint takes: "
                    + withoutInternals(firstSentence(other.getOriginalMessage()));
        }
        return "A JSON body is required";
    }

    /** The field as a client wrote it, {@code messages[0].role}, never Jackson's own path with its Java types. */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** Jackson names the setting or the Java type behind a message in backquotes; a client has no use for either. */
    private static String withoutInternals(String message) {
        return message == null ? "unreadable input" : message.replaceAll(",? from `[^`]*`", "")
                .replaceAll("`[^`]*`", "the expected type");
    }

    private static String names(Collection<Object> ids) {
        return ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }

    private static String article(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
