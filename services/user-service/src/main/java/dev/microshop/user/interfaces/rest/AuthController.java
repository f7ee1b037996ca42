package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.LogIn;
import dev.microshop.user.application.auth.RefreshTokens;
import dev.microshop.user.application.auth.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    @PostMapping("/token")
    ResponseEntity<TokenResponse> logIn(@Valid @RequestBody LogInRequest request, HttpServletRequest http) {
        return uncached(logIn.logIn(request.toCommand(http.getRemoteAddr())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return uncached(refreshTokens.refresh(request.toCommand()));
    }

    private static ResponseEntity<TokenResponse> uncached(TokenPair pair) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(pair));
    }
}
