package dev.microshop.notification.interfaces.stream;

import dev.microshop.notification.application.live.LiveNotifications;
import dev.microshop.notification.domain.notification.UserId;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's new notifications as server-sent events, pushed as they are stored by any instance. */
@RestController
class NotificationStreamController {

    private final LiveNotifications live;
    private final NotificationStreamProperties properties;

    NotificationStreamController(LiveNotifications live, NotificationStreamProperties properties) {
        this.live = live;
        this.properties = properties;
    }

    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Jwt token) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        SseSubscriber subscriber = new SseSubscriber(UserId.parse(token.getSubject()), emitter);
        // Whichever way the stream ends (completed, timed out, client gone), this instance forgets it.
        emitter.onCompletion(() -> live.unsubscribe(subscriber));
        emitter.onTimeout(() -> live.unsubscribe(subscriber));
        emitter.onError(failure -> live.unsubscribe(subscriber));
        if (subscriber.open()) {
            live.subscribe(subscriber);
        }
        return emitter;
    }
}
