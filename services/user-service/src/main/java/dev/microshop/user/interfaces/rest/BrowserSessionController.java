package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.LogIn;
import dev.microshop.user.application.auth.LogOut;
import dev.microshop.user.application.auth.RefreshTokenRejectedException;
import dev.microshop.user.application.auth.RefreshTokens;
import dev.microshop.user.application.auth.RefreshTokensCommand;
import dev.microshop.user.application.auth.TokenPair;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.token.Redemption;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Log-in for the storefront. The refresh token lives in an httpOnly cookie that only these paths receive, out of
 * the page's reach; the page keeps the short-lived access token in memory and asks here for a new one (at start and
 * before it expires). The cookie is SameSite=Strict, and every call here must carry {@code X-Requested-With}: a
 * cross-site form cannot send that header, and a cross-origin script only after a CORS preflight the gateway refuses.
 * API clients use {@link AuthController}, which hands both tokens over in the body.
 */
@RestController
@RequestMapping(BrowserSessionController.PATH)
class BrowserSessionController {

    static final String PATH = "/api/auth/session";
    static final String COOKIE = "microshop_refresh";
    static final String REQUIRED_HEADER = "X-Requested-With";

    private final LogIn logIn;
    private final RefreshTokens refreshTokens;
    private final LogOut logOut;
    private final TokenSettings settings;

    BrowserSessionController(LogIn logIn, RefreshTokens refreshTokens, LogOut logOut, TokenSettings settings) {
        this.logIn = logIn;
        this.refreshTokens = refreshTokens;
        this.logOut = logOut;
        this.settings = settings;
    }

    @PostMapping
    ResponseEntity<SessionResponse> logIn(
            @RequestHeader(name = REQUIRED_HEADER, required = false) String requestedWith,
            @Valid @RequestBody LogInRequest request,
            HttpServletRequest http) {
        requireSameOriginScript(requestedWith);
        return started(logIn.logIn(request.toCommand(http.getRemoteAddr())), http);
    }

    @PostMapping("/refresh")
    ResponseEntity<SessionResponse> refresh(
            @RequestHeader(name = REQUIRED_HEADER, required = false) String requestedWith,
            @CookieValue(name = COOKIE, required = false) String refreshToken,
            HttpServletRequest http) {
        requireSameOriginScript(requestedWith);
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new RefreshTokenRejectedException(Redemption.Reason.UNKNOWN);
        }
        return started(refreshTokens.refresh(new RefreshTokensCommand(refreshToken)), http);
    }

    /** Ends the log-in on the server, not only in this browser, and drops the cookie. */
    @DeleteMapping
    ResponseEntity<Void> logOut(
            @RequestHeader(name = REQUIRED_HEADER, required = false) String requestedWith,
            @CookieValue(name = COOKIE, required = false) String refreshToken,
            HttpServletRequest http) {
        requireSameOriginScript(requestedWith);
        if (refreshToken != null && !refreshToken.isBlank()) {
            logOut.logOut(refreshToken);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, http).toString())
                .build();
    }

    private ResponseEntity<SessionResponse> started(TokenPair pair, HttpServletRequest http) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(pair.refreshToken(), settings.refreshTokenLifetime(), http)
                                .toString())
                .body(new SessionResponse(pair.accessToken(), pair.expiresIn().toSeconds()));
    }

    /** Secure when the browser reached the gateway over HTTPS (it forwards the scheme). */
    private static ResponseCookie cookie(String value, Duration lifetime, HttpServletRequest http) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(http.isSecure())
                .sameSite("Strict")
                .path(PATH)
                .maxAge(lifetime)
                .build();
    }

    private static void requireSameOriginScript(String requestedWith) {
        if (requestedWith == null || requestedWith.isBlank()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Storefront session calls must carry the " + REQUIRED_HEADER + " header");
        }
    }

    /** The access token only: the refresh token went into the cookie. */
    record SessionResponse(String accessToken, long expiresIn) {

        /** Keeps the token out of logs. */
        @Override
        public String toString() {
            return "SessionResponse[expiresIn=" + expiresIn + "]";
        }
    }
}
