package dev.microshop.user.application.user;

/** A caller asked for a user record that is neither their own nor theirs to read. */
public class UserRecordDeniedException extends RuntimeException {

    public UserRecordDeniedException() {
        super("A user's record is only given to that user, a service or an administrator");
    }
}
