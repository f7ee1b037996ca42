package dev.microshop.user.domain.token;

/** What came of presenting a refresh token: a new token, or the reason there is none. */
public sealed interface Redemption {

    /** The presented token is now used up and {@code next} replaces it. */
    record Accepted(RefreshToken used, IssuedRefreshToken next) implements Redemption {}

    /** No new token; if the reason is {@link Reason#REUSED} the family has just been revoked. */
    record Refused(Reason reason) implements Redemption {}

    enum Reason {
        /** No such token: it was never issued, or it is gone. No family is asked. */
        UNKNOWN,
        EXPIRED,
        /** The token had been redeemed before: someone else holds a copy of it. */
        REUSED,
        REVOKED
    }
}
