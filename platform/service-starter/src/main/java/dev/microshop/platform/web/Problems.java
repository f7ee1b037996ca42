package dev.microshop.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies services answer their own domain errors with. */
public final class Problems {

    private Problems() {}

    /** A problem with a short human title and a detail the caller can act on. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
