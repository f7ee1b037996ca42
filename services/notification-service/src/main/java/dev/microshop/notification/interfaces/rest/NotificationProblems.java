package dev.microshop.notification.interfaces.rest;

import static dev.microshop.platform.web.Problems.problem;

import dev.microshop.notification.application.live.TooManyStreamsException;
import dev.microshop.notification.domain.notification.InvalidNotificationException;
import dev.microshop.notification.domain.notification.NotificationNotFoundException;
import dev.microshop.notification.interfaces.stream.NotificationStreamProperties;
import dev.microshop.platform.config.LiveSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers (RFC 9457) to this service's business errors; runs before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

    /** The keep-alive interval the streams run with: read at start-up, like the schedule that sends them. */
    private final long keepAliveSeconds;

    NotificationProblems(LiveSettings<NotificationStreamProperties> streams) {
        this.keepAliveSeconds = streams.current().keepAliveInterval().toSeconds();
    }

    /** 429 with Retry-After: by the next keep-alive, streams whose clients left without a word are gone. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException tooMany) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(keepAliveSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many streams", tooMany.getMessage()));
    }

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
