package dev.microshop.user.domain.token;

import dev.microshop.user.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The chain of refresh tokens that descend from one log-in. Each token is redeemed once for the next; a token
 * presented a second time means it leaked, so the whole chain is revoked and the thief and the owner both have to
 * log in again.
 */
public final class RefreshTokenFamily {

    private final UUID id;
    private final UserId userId;
    private final Instant startedAt;
    private Instant revokedAt;

    public RefreshTokenFamily(UUID id, UserId userId, Instant startedAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.revokedAt = revokedAt;
    }

    public static RefreshTokenFamily start(UserId userId, Instant now) {
        return new RefreshTokenFamily(UUID.randomUUID(), userId, now, null);
    }

    /** Issues the first token of the family (at log-in). */
    public IssuedRefreshToken issue(Instant now, Duration lifetime) {
        if (isRevoked()) {
            throw new IllegalStateException("a revoked family issues no tokens");
        }
        RefreshTokenSecret secret = RefreshTokenSecret.generate();
        return new IssuedRefreshToken(secret, new RefreshToken(secret.hash(), id, now, now.plus(lifetime), null));
    }

    /** Exchanges {@code presented} for its successor, or says why not; a reused token revokes the family. */
    public Redemption redeem(RefreshToken presented, Instant now, Duration lifetime) {
        if (!presented.familyId().equals(id)) {
            throw new IllegalArgumentException("token belongs to family " + presented.familyId() + ", not " + id);
        }
        if (isRevoked()) {
            return new Redemption.Refused(Redemption.Reason.REVOKED);
        }
        if (presented.isUsed()) {
            revokedAt = now;
            return new Redemption.Refused(Redemption.Reason.REUSED);
        }
        if (presented.isExpiredAt(now)) {
            return new Redemption.Refused(Redemption.Reason.EXPIRED);
        }
        return new Redemption.Accepted(presented.markUsed(now), issue(now, lifetime));
    }

    /** Ends the log-in (the user logged out): no token of the family is redeemed any more. */
    public void revoke(Instant now) {
        if (!isRevoked()) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
