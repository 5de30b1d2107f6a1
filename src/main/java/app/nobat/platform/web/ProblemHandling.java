package app.nobat.platform.web;

import app.nobat.common.CommonRefusal;
import app.nobat.common.InvalidInput;
import app.nobat.common.Refusal;
import app.nobat.common.Refused;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error is an RFC 7807 problem: unknown ids 404, rule violations 409, bad input 400, and
 * anything unexpected a 500 that shows no internals.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    public static final String TYPE_BASE = "https://nobat.app/problems/";

    /**
     * Unreadable bodies and wrong types say which field was wrong (a JSON pointer) and what it accepts;
     * only a body that is not JSON at all is answered as such.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause =
                ex.getCause() instanceof DecodingException d && d.getCause() != null ? d.getCause() : ex.getCause();
        ProblemDetail problem;
        if (cause instanceof ValueInstantiationException v && v.getCause() instanceof InvalidInput refused) {
            // a domain record refused its own value while the body was read: its pointer is below the path
            String field = pointerOf(v) + (refused.field() == null ? "" : refused.field());
            problem = invalid(refused.at(field.isEmpty() ? null : field));
        } else if (cause instanceof ValueInstantiationException v) {
            problem = invalid(CommonRefusal.OUT_OF_RANGE.at(pointerOf(v), "member", fieldOf(v)));
        } else if (cause instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            problem = invalid(RequestRefusal.WRONG_TYPE.at(
                    pointerOf(f),
                    "member",
                    fieldOf(f),
                    "expected",
                    "one of " + Arrays.toString(f.getTargetType().getEnumConstants())));
        } else if (cause instanceof MismatchedInputException m) {
            problem = invalid(RequestRefusal.WRONG_TYPE.at(
                    pointerOf(m), "member", fieldOf(m), "expected", expected(m.getTargetType())));
        } else if (cause instanceof JsonProcessingException) {
            problem = invalid(RequestRefusal.MALFORMED_JSON.at(null));
        } else if (ex.getMethodParameter() != null
                && ex.getMethodParameter().getParameterName() != null
                && !(ex.getMethodParameter().hasParameterAnnotation(RequestBody.class))) {
            problem = invalid(RequestRefusal.PARAMETER.at(
                    null, "parameter", ex.getMethodParameter().getParameterName()));
        } else if (ex.getReason() != null && ex.getReason().contains("No request body")) {
            problem = invalid(RequestRefusal.BODY_REQUIRED.at(null));
        } else {
            problem = invalid(RequestRefusal.INVALID_INPUT.at(null));
        }
        return Mono.just(ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem));
    }

    /** A path no route or file answers (the API reference where it is off, too) is a problem like the others. */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(
            ResponseStatusException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof NoResourceFoundException) {
            ProblemDetail problem = problem(RequestRefusal.NOT_FOUND, Map.of());
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem));
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("body");
        return path.length() > 80 ? path.substring(0, 80) : path;
    }

    /** RFC 6901: the member names and indexes from the document's root, "" for the whole body. */
    static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/')
                    .append(
                            r.getFieldName() != null
                                    ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                                    : String.valueOf(r.getIndex()));
        }
        return pointer.length() > 120 ? pointer.substring(0, 120) : pointer.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of the documented type";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        } else if (type == double.class || type == Double.class) {
            return "a finite number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type == String.class) {
            return "a string";
        } else if (type == LocalTime.class) {
            return "a time of day (HH:mm)";
        } else if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        } else if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** A refusal of a catalog: its status, its code as type (and as {@code code}), its named values as members. */
    @ExceptionHandler(Refused.class)
    public ProblemDetail refused(Refused e) {
        if (e instanceof InvalidInput i) {
            return invalid(i);
        }
        return problem(e.refusal(), e.values());
    }

    /**
     * The type stays {@code invalid-input} for every 400 (clients translate it); {@code code} says which
     * kind, and {@code field} and {@code errors} point at the member refused.
     */
    public ProblemDetail invalid(InvalidInput e) {
        ProblemDetail problem = problem(e.refusal(), e.values());
        problem.setType(URI.create(TYPE_BASE + RequestRefusal.INVALID_INPUT.code()));
        problem.setTitle(title(RequestRefusal.INVALID_INPUT.code()));
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            // every wrong field with its own code and named values, for a form to show each by its field
            problem.setProperty(
                    "errors",
                    e.each().stream()
                            .filter(each -> each.field() != null)
                            .map(ProblemHandling::fieldError)
                            .toList());
        }
        return problem;
    }

    private static Map<String, Object> fieldError(InvalidInput e) {
        Map<String, Object> error = new LinkedHashMap<>(e.values());
        error.put("pointer", e.field());
        error.put("code", e.code());
        error.put("detail", e.getMessage());
        return error;
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ProblemDetail concurrent(RuntimeException e) {
        return problem(RequestRefusal.CONCURRENT_UPDATE, Map.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(RequestRefusal.NOT_FOUND, Map.of());
    }

    @ExceptionHandler({CompletionException.class, CommandExecutionException.class})
    public ProblemDetail wrapped(RuntimeException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Refused r) {
            return refused(r);
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
        return problem(RequestRefusal.INTERNAL, Map.of());
    }

    /** Spring's own refusals (a missing parameter, a wrong method or media type) get a code of the catalog too. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            Refusal refusal = switch (status.value()) {
                case 400 -> RequestRefusal.INVALID_INPUT;
                case 404 -> RequestRefusal.NOT_FOUND;
                case 405 -> RequestRefusal.METHOD_NOT_ALLOWED;
                case 406 -> RequestRefusal.NOT_ACCEPTABLE;
                case 413 -> RequestRefusal.CONTENT_TOO_LARGE;
                case 415 -> RequestRefusal.UNSUPPORTED_MEDIA_TYPE;
                case 500 -> RequestRefusal.INTERNAL;
                default -> RequestRefusal.REFUSED;
            };
            problem.setType(URI.create(TYPE_BASE + refusal.code()));
            problem.setTitle(title(refusal.code()));
            problem.setProperty("code", refusal.code());
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    /**
     * The problem of a refusal: its code as type and as {@code code}, its status, its template filled
     * as detail, and its named values as further members.
     */
    public static ProblemDetail problem(Refusal refusal, Map<String, ?> values) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(refusal.status()), refusal.message(values));
        problem.setType(URI.create(TYPE_BASE + refusal.code()));
        problem.setTitle(title(refusal.code()));
        problem.setProperty("code", refusal.code());
        values.forEach(problem::setProperty);
        return problem;
    }

    private static String title(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
