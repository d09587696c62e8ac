package io.hirepipe.defaults.problem;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.ForbiddenDetail;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.defaults.security.PreAuthorizedRoles;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every error a servlet service returns is RFC 9457 problem+json that says what is wrong. Bad input
 * is a 4xx naming the field; only a genuine bug is a 500, and its body reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class, BigInteger.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        PayloadTooLargeException tooLarge = JsonProblemDescriber.findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The request body exceeds the limit of " + tooLarge.limit() + " bytes.", request);
        }
        return JsonProblemDescriber.fieldProblem(ex)
                .map(field -> invalidField(field, request))
                .orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                        JsonProblemDescriber.describe(ex), request));
    }

    /** Readable JSON whose value a field cannot hold: the same shape as a bean-validation failure of that field. */
    private ResponseEntity<Object> invalidField(JsonProblemDescriber.FieldProblem field, WebRequest request) {
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field.sentence(), request);
        ((ProblemDetail) response.getBody()).setProperty("errors",
                List.of(Map.of("field", field.field(), "message", field.message())));
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(this::fieldError)
                .toList();
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; "));
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                detail, request);
        ((ProblemDetail) response.getBody()).setProperty("errors", errors);
        return response;
    }

    /**
     * A query parameter or path variable that cannot be converted to its type ({@code limit=abc}, an unknown enum
     * constant): the same {@code invalid-parameter} problem a controller raises with {@code QueryParameters}, naming
     * the parameter and what it accepts. The value is not echoed: it may be long, and the client knows it.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        if (name == null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Bad request",
                    "A parameter has an invalid value.", request);
        }
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Bad request",
                "Parameter '" + name + "' " + expectation(ex.getRequiredType(), ex.getValue()) + ".", request);
        ((ProblemDetail) response.getBody()).setProperty("parameter", name);
        return response;
    }

    /**
     * A required query parameter left out: the same {@code invalid-parameter} problem as one of the wrong type, naming
     * it in {@code parameter}, rather than Spring's generic "bad-request" a client can only read as prose.
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Bad request",
                "Parameter '" + ex.getParameterName() + "' is required.", request);
        ((ProblemDetail) response.getBody()).setProperty("parameter", ex.getParameterName());
        return response;
    }

    private static String expectation(Class<?> type, Object value) {
        if (type == null) {
            return "has an invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (WHOLE_NUMBERS.contains(type)) {
            // Digits alone fail only when they overflow the type.
            return value instanceof String text && text.matches("-?\\d+")
                    ? (text.startsWith("-") ? "is too small" : "is too large")
                    : "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        return "has an invalid value";
    }

    /** A constraint on a request parameter or path variable ({@code @Max(200) int limit}): name the parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "parameter", parameterName(result.getMethodParameter()),
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())))
                .toList();
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.stream().map(e -> e.get("parameter") + ": " + e.get("message")).collect(Collectors.joining("; "));
        ResponseEntity<Object> response = problem(HttpStatus.valueOf(status.value()), "invalid-request",
                "Invalid request", detail, request);
        ((ProblemDetail) response.getBody()).setProperty("errors", errors);
        nameTheOnlyParameter((ProblemDetail) response.getBody(), errors);
        return response;
    }

    /** Like an {@code invalid-parameter} problem, a problem with one parameter names it at the top level too. */
    private static void nameTheOnlyParameter(ProblemDetail problem, List<Map<String, String>> errors) {
        List<String> parameters = errors.stream().map(e -> e.get("parameter")).distinct().toList();
        if (parameters.size() == 1) {
            problem.setProperty("parameter", parameters.get(0));
        }
    }

    /** The name a client uses: the request parameter's or path variable's declared name, else the Java name. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
        if (pathVariable != null && !pathVariable.name().isEmpty()) {
            return pathVariable.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter " + parameter.getParameterIndex() : name;
    }

    /**
     * A constraint checked by method validation (a class-level {@code @Validated} controller): its path is
     * {@code method.parameter}; the client knows the parameter, not the Java method, so name that alone.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("parameter", lastNode(v.getPropertyPath()), "message", v.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> e) -> e.get("parameter")))
                .toList();
        String detail = errors.stream().map(e -> e.get("parameter") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                detail, request);
        ((ProblemDetail) response.getBody()).setProperty("errors", errors);
        nameTheOnlyParameter((ProblemDetail) response.getBody(), errors);
        return response;
    }

    private static String lastNode(Path path) {
        String name = path.toString();
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    /**
     * Tomcat decodes query and form parameters when a handler first asks for one; a value that is not valid
     * percent-encoded UTF-8 then fails the whole request. The client's encoding is wrong, not the service.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter(InvalidParameterException ex, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "A query or form parameter is not valid percent-encoded UTF-8.", request);
    }

    /**
     * No handler for the path: usually a typo in a segment of a real one ({@code /questions/q_1/publsh}), which
     * the gateway routes here by its prefix. Spring's detail ("No static resource api/questions/…") talks of files
     * and names this service's internal path, which the gateway rewrites in {@code instance} but cannot in a
     * sentence; {@code instance} already says which path was meant.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "There is no operation at this path. The API is described at /api/docs.", request);
    }

    /** Says what the caller lacks for the operation it asked for: a role, or a person rather than a key. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        Optional<List<String>> allowed = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST) instanceof HandlerMethod handler ? PreAuthorizedRoles.of(handler)
                : Optional.empty();
        Caller caller = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? InternalToken.callerOf(jwt.getToken()) : null;
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", ForbiddenDetail.of(allowed, caller), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid token is required.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error while handling {}", describe(request), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed unexpectedly. Quote the correlation id when you report it.", request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            decorate(problem, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
                                           WebRequest request) {
        ProblemDetail problem = ProblemException.problem(status, type, title, detail);
        decorate(problem, request);
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private void decorate(ProblemDetail problem, WebRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            String slug = status == null ? "error" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            problem.setType(java.net.URI.create(ProblemException.TYPE_BASE + slug));
        }
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
        CorrelationId.current().ifPresent(id -> problem.setProperty("correlationId", id));
    }

    private Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
