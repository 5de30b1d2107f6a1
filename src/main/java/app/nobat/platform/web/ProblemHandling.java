package app.nobat.platform.web;

import app.nobat.common.InvalidInput;
import app.nobat.common.NotPermitted;
import app.nobat.common.RuleViolation;
import app.nobat.common.UnknownReference;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletionException;

/**
 * Every error is an RFC 7807 problem: unknown ids 404, rule violations 409, bad input 400, and
 * anything unexpected a 500 that shows no internals.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    public static final String TYPE_BASE = "https://nobat.app/problems/";

    /** Unreadable bodies and wrong types say which field was wrong and what it accepts. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      ServerWebExchange exchange) {
        String detail = "The request body could not be read: it must be JSON of the documented shape";
        Throwable cause = ex.getCause() instanceof DecodingException d && d.getCause() != null ? d.getCause()
                : ex.getCause();
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            detail = "'" + fieldOf(f) + "' must be one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (cause instanceof MismatchedInputException m) {
            detail = "'" + fieldOf(m) + "' has the wrong type or shape";
        } else if (cause instanceof JsonProcessingException) {
            detail = "The request body is not valid JSON";
        } else if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
                && !(ex.getMethodParameter().hasParameterAnnotation(RequestBody.class))) {
            detail = "Parameter '" + ex.getMethodParameter().getParameterName() + "' is missing or malformed";
        } else if (ex.getReason() != null && ex.getReason().contains("No request body")) {
            detail = "A JSON request body is required";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", detail);
        return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        return path.length() > 80 ? path.substring(0, 80) : path;
    }

    @ExceptionHandler(RuleViolation.class)
    public ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(NotPermitted.class)
    public ProblemDetail notPermitted(NotPermitted e) {
        return problem(HttpStatus.FORBIDDEN, e.code(), e.getMessage());
    }

    @ExceptionHandler(UnknownReference.class)
    public ProblemDetail unknown(UnknownReference e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-" + e.kind(), e.getMessage());
    }

    @ExceptionHandler(InvalidInput.class)
    public ProblemDetail invalid(InvalidInput e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ProblemDetail concurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-update",
                "Someone else changed the same floor or appointments at the same moment; please retry");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Nothing is recorded under that id");
    }

    @ExceptionHandler({CompletionException.class, CommandExecutionException.class})
    public ProblemDetail wrapped(RuntimeException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuleViolation r) {
            return ruleViolation(r);
        } else if (cause instanceof NotPermitted n) {
            return notPermitted(n);
        } else if (cause instanceof UnknownReference u) {
            return unknown(u);
        } else if (cause instanceof InvalidInput i) {
            return invalid(i);
        } else if (cause instanceof AggregateNotFoundException a) {
            return notFound(a);
        } else if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrent((RuntimeException) cause);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; the request may be retried");
    }

    /** Spring's own refusals (a missing parameter, a wrong method or media type) get a stable code too. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                                ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String code = status.value() == 400 ? "invalid-input"
                    : known == null ? "status-" + status.value() : known.name().toLowerCase().replace('_', '-');
            problem.setType(URI.create(TYPE_BASE + code));
            problem.setTitle(title(code));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title(code));
        return problem;
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
