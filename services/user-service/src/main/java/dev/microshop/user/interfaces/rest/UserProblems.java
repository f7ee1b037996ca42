package dev.microshop.user.interfaces.rest;

import static dev.microshop.platform.web.Problems.problem;

import dev.microshop.platform.http.RetryAfter;
import dev.microshop.platform.web.ProblemDetailsAdvice.InvalidField;
import dev.microshop.user.application.auth.AccountLockedException;
import dev.microshop.user.application.auth.AccountThrottledException;
import dev.microshop.user.application.auth.InvalidCredentialsException;
import dev.microshop.user.application.auth.RefreshTokenRejectedException;
import dev.microshop.user.application.signingkey.SigningKeyRotationTooSoonException;
import dev.microshop.user.domain.user.EmailAlreadyRegisteredException;
import dev.microshop.user.domain.user.InvalidUserDetailsException;
import dev.microshop.user.domain.user.InvalidUserIdException;
import dev.microshop.user.domain.user.PasswordRejectedException;
import dev.microshop.user.domain.user.UserNotFoundException;
import java.time.Duration;
import java.util.List;
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
class UserProblems {

    @ExceptionHandler
    ProblemDetail invalidDetails(InvalidUserDetailsException invalid) {
        return invalidInput(invalid.getMessage(), List.of(new InvalidField(invalid.field(), invalid.problem())));
    }

    @ExceptionHandler
    ProblemDetail weakPassword(PasswordRejectedException rejected) {
        return invalidInput(
                rejected.getMessage(),
                rejected.brokenRules().stream()
                        .map(rule -> new InvalidField("password", rule))
                        .toList());
    }

    @ExceptionHandler
    ProblemDetail invalidUserId(InvalidUserIdException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail emailTaken(EmailAlreadyRegisteredException taken) {
        return problem(HttpStatus.CONFLICT, "Email already registered", taken.getMessage());
    }

    @ExceptionHandler
    ProblemDetail userNotFound(UserNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "User not found", notFound.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidCredentials(InvalidCredentialsException invalid) {
        return problem(HttpStatus.UNAUTHORIZED, "Log-in failed", invalid.getMessage());
    }

    /** 423 with Retry-After: the same answer whether or not the password was right. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> accountLocked(AccountLockedException locked) {
        return retryLater(HttpStatus.LOCKED, "Account locked", locked.getMessage(), locked.retryAfter());
    }

    /** 429 with Retry-After: the password was not checked, a later attempt is. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> accountThrottled(AccountThrottledException throttled) {
        return retryLater(
                HttpStatus.TOO_MANY_REQUESTS, "Log-ins slowed down", throttled.getMessage(), throttled.retryAfter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rotationTooSoon(SigningKeyRotationTooSoonException tooSoon) {
        return retryLater(
                HttpStatus.TOO_MANY_REQUESTS, "Rotation too soon", tooSoon.getMessage(), tooSoon.retryAfter());
    }

    @ExceptionHandler
    ProblemDetail refreshTokenRejected(RefreshTokenRejectedException rejected) {
        return problem(HttpStatus.UNAUTHORIZED, "Refresh failed", rejected.getMessage());
    }

    private static ResponseEntity<ProblemDetail> retryLater(
            HttpStatus status, String title, String message, Duration retryAfter) {
        long seconds = RetryAfter.seconds(retryAfter);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(status, title, message + "; try again in " + seconds + " seconds"));
    }

    private static ProblemDetail invalidInput(String detail, List<InvalidField> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad Request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
