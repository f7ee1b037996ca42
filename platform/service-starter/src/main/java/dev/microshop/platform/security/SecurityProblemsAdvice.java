package dev.microshop.platform.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Method-security failures inside controllers answer 401/403 problems, not the catch-all 500. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class SecurityProblemsAdvice {

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException denied) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this request");
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthorized(AuthenticationException failure) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid access token is required");
    }
}
