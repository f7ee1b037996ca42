package dev.microshop.notification.interfaces.stream;

import dev.microshop.notification.application.live.NotificationSubscriber;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.UserId;
import dev.microshop.notification.interfaces.rest.NotificationResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One open server-sent-events stream: each notification is an event {@code notification} with its id. */
class SseSubscriber implements NotificationSubscriber {

    /** How long an EventSource waits before it reconnects after the stream ended. */
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

    private final UserId userId;
    private final SseEmitter emitter;

    SseSubscriber(UserId userId, SseEmitter emitter) {
        this.userId = userId;
        this.emitter = emitter;
    }

    /** Opens the stream at once, so that the client (and the gateway) get the response headers now. */
    boolean open() {
        return sent(SseEmitter.event().comment("connected").reconnectTime(RECONNECT_DELAY.toMillis()));
    }

    @Override
    public UserId userId() {
        return userId;
    }

    @Override
    public boolean send(Notification notification) {
        return sent(SseEmitter.event()
                .id(notification.id().toString())
                .name("notification")
                .data(NotificationResponse.of(notification), MediaType.APPLICATION_JSON));
    }

    @Override
    public boolean keepAlive() {
        return sent(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void end() {
        emitter.complete();
    }

    private boolean sent(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            // The client went away (IOException) or the stream already ended: Spring MVC cleans the request up.
            return false;
        }
    }
}
