package dev.microshop.notification.interfaces.stream;

import dev.microshop.notification.application.live.LiveNotifications;
import dev.microshop.notification.domain.notification.UserId;
import dev.microshop.platform.config.LiveSettings;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's new notifications as server-sent events, pushed as they are stored by any instance. A stream ends
 * when the access token that opened it expires (or after the configured timeout, if sooner): the client reconnects
 * with a fresh token, so no stream outlives the right to read it.
 */
@RestController
class NotificationStreamController {

    private final LiveNotifications live;
    private final LiveSettings<NotificationStreamProperties> settings;

    NotificationStreamController(LiveNotifications live, LiveSettings<NotificationStreamProperties> settings) {
        this.live = live;
        this.settings = settings;
    }

    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Jwt token) {
        SseEmitter emitter = new SseEmitter(lifetime(token).toMillis());
        SseSubscriber subscriber = new SseSubscriber(UserId.parse(token.getSubject()), emitter);
        // Whichever way the stream ends (completed, timed out, client gone), this instance forgets it.
        emitter.onCompletion(() -> live.unsubscribe(subscriber));
        emitter.onTimeout(() -> live.unsubscribe(subscriber));
        emitter.onError(failure -> live.unsubscribe(subscriber));
        // Refused over a limit (429) before anything is sent: what open() sent is buffered until this method returns.
        if (subscriber.open()) {
            live.subscribe(subscriber);
        }
        return emitter;
    }

    /** Until the token expires, at most the configured timeout; at least a millisecond (0 would mean no timeout). */
    private Duration lifetime(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        Duration timeout = settings.current().timeout();
        if (expiresAt == null) {
            return timeout;
        }
        Duration untilExpiry = Duration.between(Instant.now(), expiresAt);
        if (untilExpiry.compareTo(timeout) >= 0) {
            return timeout;
        }
        return untilExpiry.isPositive() ? untilExpiry : Duration.ofMillis(1);
    }
}
