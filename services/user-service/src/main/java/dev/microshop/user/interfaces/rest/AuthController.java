package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.LogIn;
import dev.microshop.user.application.auth.RefreshTokens;
import dev.microshop.user.application.auth.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Log-in and token refresh; responses carry credentials, so nothing may cache them. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final LogIn logIn;
    private final RefreshTokens refreshTokens;

    AuthController(LogIn logIn, RefreshTokens refreshTokens) {
        this.logIn = logIn;
        this.refreshTokens = refreshTokens;
    }

    /**
     * The client address is the connection's, or, from a proxy Tomcat trusts ({@code server.forward-headers-strategy}
     * and {@code server.tomcat.remoteip.internal-proxies}), the one it puts in {@code X-Forwarded-For}.
     */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> logIn(@Valid @RequestBody LogInRequest request, HttpServletRequest http) {
        return uncached(logIn.logIn(request.toCommand(http.getRemoteAddr())));
    }

    /**
     * The same log-in as an OAuth 2 token request with the password grant (RFC 6749, section 4.3): what Swagger UI's
     * Authorize dialog sends. Same checks, lock-outs and limits; the answer in OAuth 2's names.
     */
    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<OAuthTokenResponse> logInWithPasswordGrant(
            @RequestParam("grant_type") String grantType,
            @RequestParam String username,
            @RequestParam String password,
            HttpServletRequest http) {
        if (!"password".equals(grantType)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "Only grant_type=password is accepted here; refresh with /api/auth/refresh");
        }
        TokenPair pair = logIn.logIn(new LogInRequest(username, password).toCommand(http.getRemoteAddr()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(OAuthTokenResponse.of(pair));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return uncached(refreshTokens.refresh(request.toCommand()));
    }

    private static ResponseEntity<TokenResponse> uncached(TokenPair pair) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(pair));
    }
}
