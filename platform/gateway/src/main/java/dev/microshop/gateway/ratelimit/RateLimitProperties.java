package dev.microshop.gateway.ratelimit;

import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Token-bucket rate limits ({@code microshop.gateway.rate-limits}): classes of requests, each with its own bucket per
 * caller. A request is limited by the matching class of the lowest {@code order}; no class, no limit.
 *
 * @param mode         where the buckets live: {@code memory} (this gateway) or {@code redis} (shared by every gateway
 *                     instance); read at start-up only
 * @param redisUrl     the Redis server of {@code redis} mode ({@code redis://host:port}); read at start-up only
 * @param redisTimeout how long a request waits for Redis before it is let through unchecked; read at start-up only
 * @param maxKeys      how many callers' buckets {@code memory} mode keeps; the least recently seen are dropped first;
 *                     read at start-up only
 * @param classes      the classes of requests by name
 */
public record RateLimitProperties(
        Mode mode, String redisUrl, Duration redisTimeout, int maxKeys, Map<String, RequestClass> classes) {

    public RateLimitProperties {
        required("mode", mode);
        required("redis-url", redisUrl);
        positive("redis-timeout", redisTimeout);
        positive("max-keys", maxKeys);
        classes = classes == null ? Map.of() : Map.copyOf(classes);
    }

    public enum Mode {
        MEMORY,
        REDIS
    }

    /** What a request's access token turned out to be. */
    public enum Token {
        /** A token the gateway accepted. */
        VALID,
        /** No token at all. */
        NONE,
        /** A token the gateway refused (forged, expired, signed with an unknown key, malformed): answered 401. */
        INVALID
    }

    /** Whose bucket a request takes its token from. */
    public enum Key {
        /** The token's subject when the request carries a valid token, else the client's address. */
        CALLER,
        /** Always the client's address (sign-up and log-in: the caller is who they claim to be only afterwards). */
        IP
    }

    /**
     * One class of requests and its limit: {@code capacity} requests per {@code period}, up to {@code burst} at once.
     * Each caller's bucket holds {@code burst} tokens and gets {@code capacity} new ones per period, spread evenly.
     *
     * @param order         which class limits a request that several match: the lowest order; an explicit number, as
     *                      the order of map keys changes when a profile or a refresh overrides one class
     * @param requests      {@code "METHOD /path/pattern"} or {@code "/path/pattern"} (any method), Spring path patterns
     * @param token         only requests whose token is {@code valid}, {@code none} or {@code invalid}; unset: any
     * @param key           whose bucket it is; {@code caller} by default
     * @param capacity      requests allowed per period
     * @param period        the period
     * @param burst         the bucket's size: how many requests may come at once; {@code capacity} by default
     */
    public record RequestClass(
            int order, List<String> requests, Token token, Key key, long capacity, Duration period, long burst) {

        public RequestClass {
            requests = requests == null ? List.of() : List.copyOf(requests);
            key = key == null ? Key.CALLER : key;
            burst = burst == 0 ? capacity : burst;
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("a rate-limit class needs at least one request pattern");
            }
            if (capacity <= 0 || burst <= 0) {
                throw new IllegalArgumentException(
                        "capacity and burst must be positive, not " + capacity + " and " + burst);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive, not " + period);
            }
        }
    }
}
