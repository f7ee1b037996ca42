package dev.microshop.notification.application.live;

import static java.util.stream.Collectors.groupingBy;

import dev.microshop.notification.application.port.NotificationFeed;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Pushes new notifications to the shoppers connected to this instance. It takes them from the feed of all stored
 * notifications, not from what this instance stored itself: with several instances, the Kafka consumer group gives
 * each event to one of them, while the shopper may be connected to another.
 */
@Service
public class LiveNotifications {

    /** Nobody is connected, so nothing is read: the next subscriber starts at the end of the feed. */
    private static final long NOT_READING = -1;

    private final NotificationFeed feed;
    private final StreamLimits limits;
    private final Set<NotificationSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private long position = NOT_READING;

    public LiveNotifications(NotificationFeed feed, StreamLimits limits) {
        this.feed = feed;
        this.limits = limits;
    }

    /**
     * From now on, {@code subscriber} gets every notification stored for its shopper; over a limit it is refused
     * ({@link TooManyStreamsException}) rather than an older stream closed, as a closed EventSource reconnects by
     * itself and would in turn push out another one, and so on.
     */
    public synchronized void subscribe(NotificationSubscriber subscriber) {
        if (subscribers.size() >= limits.total()) {
            throw TooManyStreamsException.ofInstance();
        }
        if (subscribers.stream()
                        .filter(open -> open.userId().equals(subscriber.userId()))
                        .count()
                >= limits.perShopper()) {
            throw TooManyStreamsException.ofShopper(limits.perShopper());
        }
        if (position == NOT_READING) {
            position = feed.end();
        }
        subscribers.add(subscriber);
    }

    public void unsubscribe(NotificationSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Sends what was stored since the last push to its shopper's subscribers; returns how many sends succeeded. */
    public synchronized int pushNew() {
        Map<UserId, List<NotificationSubscriber>> byShopper =
                subscribers.stream().collect(groupingBy(NotificationSubscriber::userId));
        if (byShopper.isEmpty()) {
            position = NOT_READING;
            return 0;
        }
        NotificationFeed.Batch batch = feed.readAfter(position, byShopper.keySet());
        int sent = 0;
        for (Notification notification : batch.notifications()) {
            for (NotificationSubscriber subscriber : byShopper.getOrDefault(notification.recipient(), List.of())) {
                if (subscribers.contains(subscriber) && subscriber.send(notification)) {
                    sent++;
                } else {
                    unsubscribe(subscriber);
                }
            }
        }
        position = batch.end();
        return sent;
    }

    /** Sends a sign of life to every subscriber and forgets those that are gone. */
    public void keepAlive() {
        subscribers.removeIf(subscriber -> !subscriber.keepAlive());
    }

    /** Ends every connection, so that clients reconnect elsewhere while this instance stops. */
    public void endAll() {
        subscribers.forEach(NotificationSubscriber::end);
        subscribers.clear();
    }
}
