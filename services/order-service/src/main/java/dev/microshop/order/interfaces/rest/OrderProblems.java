package dev.microshop.order.interfaces.rest;

import static dev.microshop.platform.web.Problems.problem;

import dev.microshop.order.application.order.SagaBehindException;
import dev.microshop.order.application.order.UnknownUserException;
import dev.microshop.order.application.port.RemoteServiceUnavailableException;
import dev.microshop.order.application.port.UnknownProductException;
import dev.microshop.order.domain.order.IdempotencyKeyReusedException;
import dev.microshop.order.domain.order.InvalidOrderException;
import dev.microshop.order.domain.order.OrderNotFoundException;
import dev.microshop.order.domain.order.OrderStateException;
import dev.microshop.platform.http.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers (RFC 9457) to this service's business errors; runs before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    private static final Logger log = LoggerFactory.getLogger(OrderProblems.class);

    @ExceptionHandler
    ProblemDetail invalidOrder(InvalidOrderException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid order", invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownProduct(UnknownProductException unknown) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown product", unknown.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownUser(UnknownUserException unknown) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown user", unknown.getMessage());
    }

    /** 422: the key and the body are each well-formed, but together they contradict the first request. */
    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException reused) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", reused.getMessage());
    }

    @ExceptionHandler
    ProblemDetail orderNotFound(OrderNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "Order not found", notFound.getMessage());
    }

    @ExceptionHandler
    ProblemDetail orderState(OrderStateException conflict) {
        return problem(HttpStatus.CONFLICT, "Order cannot change", conflict.getMessage());
    }

    /** 503 with Retry-After: the request was fine, a service it needs was not; no order was placed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(RemoteServiceUnavailableException unavailable) {
        log.warn("{} ({})", unavailable.getMessage(), unavailable.getCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", unavailable.getMessage()));
    }

    /**
     * 503 with Retry-After: orders arrive faster than the saga finishes them; nothing was stored, so the same request
     * may be sent again. Not logged: {@code OrderAdmission} logs when refusing starts and stops.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> sagaBehind(SagaBehindException behind) {
        long seconds = RetryAfter.seconds(behind.retryAfter());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Orders held back",
                        behind.getMessage() + "; try again in " + seconds + " s"));
    }
}
