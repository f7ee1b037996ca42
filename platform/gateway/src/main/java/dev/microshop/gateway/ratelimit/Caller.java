package dev.microshop.gateway.ratelimit;

/**
 * Who sent a request, as far as rate limits care.
 *
 * @param userId  the subject of the request's valid token, {@code null} without one
 * @param address the client's address as the connection shows it; X-Forwarded-For is not trusted (behind a trusted
 *                proxy, {@code server.forward-headers-strategy} makes the connection show the client's)
 */
record Caller(String userId, String address) {

    boolean authenticated() {
        return userId != null;
    }
}
