package dev.microshop.notification.interfaces.stream;

import dev.microshop.notification.application.live.LiveNotifications;
import dev.microshop.platform.config.LiveSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Drives the live notifications: a push every poll interval, a keep-alive now and then, and an end at shutdown. */
@Component
class NotificationStreamSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreamSchedule.class);

    private final LiveNotifications live;
    private final LiveSettings<NotificationStreamProperties> settings;

    NotificationStreamSchedule(LiveNotifications live, LiveSettings<NotificationStreamProperties> settings) {
        this.live = live;
        this.settings = settings;
    }

    /** Once, at start-up: a refresh changes neither interval. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        NotificationStreamProperties atStart = settings.current();
        tasks.addFixedDelayTask(this::push, atStart.pollInterval());
        tasks.addFixedDelayTask(live::keepAlive, atStart.keepAliveInterval());
    }

    private void push() {
        try {
            live.pushNew();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next push starts where this one failed.
            log.warn("Could not push new notifications: {}", e.getMessage());
        }
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for the open streams. */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        live.endAll();
    }
}
