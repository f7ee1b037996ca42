package dev.microshop.gateway.ratelimit;

import dev.microshop.gateway.ratelimit.RateLimitProperties.Token;

/**
 * Who sent a request, as far as rate limits care.
 *
 * @param token   what the request's token turned out to be: valid, refused, or none at all
 * @param userId  the subject of the request's valid token, {@code null} without one
 * @param address the client's address as the connection shows it; X-Forwarded-For is not trusted (behind a trusted
 *                proxy, {@code server.forward-headers-strategy} makes the connection show the client's)
 */
record Caller(Token token, String userId, String address) {

    static Caller withValidToken(String userId, String address) {
        return new Caller(Token.VALID, userId, address);
    }

    static Caller withoutToken(String address) {
        return new Caller(Token.NONE, null, address);
    }

    static Caller withRefusedToken(String address) {
        return new Caller(Token.INVALID, null, address);
    }

    boolean authenticated() {
        return token == Token.VALID;
    }
}
