package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error in the provider's own format, {@code {"error":{"type","code","message","param"}}}, never
 * problem details: it is not a microshop service. Runs before the platform's problem-details advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProviderErrors {

    private static final Logger log = LoggerFactory.getLogger(ProviderErrors.class);

    /** The error envelope. */
    record ErrorBody(Detail error) {}

    record Detail(String type, String code, String message, String param) {}

    @ExceptionHandler
    ResponseEntity<ErrorBody> refused(ProviderException refused) {
        return error(refused.status(), refused.type(), refused.code(), refused.getMessage(), refused.param());
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> invalidParameter(MethodArgumentNotValidException invalid) {
        FieldError field = invalid.getBindingResult().getFieldError();
        String param = field == null ? null : snakeCase(field.getField());
        String message = field == null ? "Invalid request." : param + " " + field.getDefaultMessage() + ".";
        return error(400, "invalid_request_error", "parameter_invalid", message, param);
    }

    /** A query parameter that does not convert, such as {@code limit=ten}: not an ErrorResponse, so not a 500 below. */
    @ExceptionHandler
    ResponseEntity<ErrorBody> mistypedParameter(MethodArgumentTypeMismatchException mistyped) {
        return error(
                400,
                "invalid_request_error",
                "parameter_invalid",
                "Invalid " + mistyped.getName() + ": '" + mistyped.getValue() + "'.",
                mistyped.getName());
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> unreadableBody(HttpMessageNotReadableException unreadable) {
        return error(
                400,
                "invalid_request_error",
                "body_invalid",
                "The request body is not valid JSON of the expected shape.",
                null);
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> unexpected(Exception failure) {
        if (failure instanceof ErrorResponse known) {
            // Spring MVC's own refusals: unknown path, wrong method, missing parameter, unsupported media type.
            int status = known.getStatusCode().value();
            return error(
                    status,
                    "invalid_request_error",
                    status == 404 ? "resource_missing" : "request_invalid",
                    known.getBody().getDetail(),
                    null);
        }
        log.error("Unexpected error", failure);
        return error(500, "api_error", "internal_error", "Something went wrong on the provider's side.", null);
    }

    private static ResponseEntity<ErrorBody> error(int status, String type, String code, String message, String param) {
        return ResponseEntity.status(status).body(new ErrorBody(new Detail(type, code, message, param)));
    }

    private static String snakeCase(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
