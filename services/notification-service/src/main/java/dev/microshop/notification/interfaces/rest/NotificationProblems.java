package dev.microshop.notification.interfaces.rest;

import static dev.microshop.platform.web.Problems.problem;

import dev.microshop.notification.domain.notification.InvalidNotificationException;
import dev.microshop.notification.domain.notification.NotificationNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers (RFC 9457) to this service's business errors; runs before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

    @ExceptionHandler
    ProblemDetail notFound(NotificationNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "Notification not found", notFound.getMessage());
    }

    /** Only a token whose subject is no user id gets here. */
    @ExceptionHandler
    ProblemDetail invalid(InvalidNotificationException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", invalid.getMessage());
    }
}
