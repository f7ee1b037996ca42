package dev.microshop.user.domain.token;

/** A freshly issued token: the secret goes to the client once, the token (hash only) to the database. */
public record IssuedRefreshToken(RefreshTokenSecret secret, RefreshToken token) {}
