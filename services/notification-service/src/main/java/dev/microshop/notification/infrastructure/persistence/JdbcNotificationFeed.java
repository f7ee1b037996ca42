package dev.microshop.notification.infrastructure.persistence;

import dev.microshop.notification.application.port.NotificationFeed;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.UserId;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The feed over the {@code notifications} table, by position. Positions are given under a lock held until commit
 * (see {@link JdbcNotificationRepository}), so whatever is visible is always every position up to the highest
 * visible one: reading up to that highest position never skips a notification that commits later.
 */
@Component
class JdbcNotificationFeed implements NotificationFeed {

    /** At most this many notifications per read, so a burst is sent over a few pushes instead of one huge one. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;

    JdbcNotificationFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long end() {
        return jdbc.sql("SELECT coalesce(max(position), 0) FROM notifications")
                .query(Long.class)
                .single();
    }

    @Override
    public Batch readAfter(long position, Set<UserId> recipients) {
        long end = end();
        if (end <= position || recipients.isEmpty()) {
            return new Batch(List.of(), Math.max(end, position));
        }
        List<Positioned> found = jdbc.sql("SELECT position, " + NotificationRows.COLUMNS + """
                 FROM notifications
                WHERE position > :after AND position <= :end AND user_id IN (:recipients)
                ORDER BY position LIMIT :batch""")
                .param("after", position)
                .param("end", end)
                .param("recipients", recipients.stream().map(UserId::value).toList())
                .param("batch", BATCH)
                .query((row, n) -> new Positioned(row.getLong("position"), NotificationRows.toNotification(row, n)))
                .list();
        long reached = found.size() == BATCH ? found.getLast().position() : end;
        return new Batch(found.stream().map(Positioned::notification).toList(), reached);
    }

    private record Positioned(long position, Notification notification) {}
}
