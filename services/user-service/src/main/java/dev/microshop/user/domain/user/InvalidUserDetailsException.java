package dev.microshop.user.domain.user;

/** A sign-up detail (email, name) that breaks a rule; {@link #field()} names it for the client. */
public class InvalidUserDetailsException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidUserDetailsException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String problem() {
        return problem;
    }
}
