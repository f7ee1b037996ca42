package dev.microshop.user.interfaces.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.microshop.user.application.auth.TokenPair;

/** A token pair in OAuth 2's names (RFC 6749, section 5.1), for clients of the password grant. */
record OAuthTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken) {

    static OAuthTokenResponse of(TokenPair pair) {
        return new OAuthTokenResponse(
                pair.accessToken(), "Bearer", pair.expiresIn().toSeconds(), pair.refreshToken());
    }

    /** Keeps both credentials out of logs. */
    @Override
    public String toString() {
        return "OAuthTokenResponse[expiresIn=" + expiresIn + "]";
    }
}
