package dev.microshop.notification.infrastructure.persistence;

import dev.microshop.notification.domain.Page;
import dev.microshop.notification.domain.PageRequest;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationId;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Notifications in PostgreSQL, written so that {@link JdbcNotificationFeed} sees them in the order they commit. */
@Repository
class JdbcNotificationRepository implements NotificationRepository {

    /** Serialises notification inserts until commit: a later feed position can never become visible first. */
    static final long FEED_ORDER_LOCK = 0x6e6f74696669L; // "notifi"

    private final JdbcClient jdbc;

    JdbcNotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Notification notification) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(FEED_ORDER_LOCK)
                .query()
                .singleRow();
        jdbc.sql("""
                INSERT INTO notifications (id, user_id, kind, title, message, reference, created_at, read)
                VALUES (:id, :userId, :kind, :title, :message, :reference, :createdAt, :read)""")
                .param("id", notification.id().value())
                .param("userId", notification.recipient().value())
                .param("kind", notification.kind().name())
                .param("title", notification.title())
                .param("message", notification.message())
                .param("reference", notification.reference())
                .param("createdAt", Timestamp.from(notification.createdAt()))
                .param("read", notification.read())
                .update();
    }

    @Override
    public Optional<Notification> findById(NotificationId id) {
        return jdbc.sql("SELECT " + NotificationRows.COLUMNS + " FROM notifications WHERE id = ?")
                .param(id.value())
                .query(NotificationRows::toNotification)
                .optional();
    }

    @Override
    public Page<Notification> findByRecipient(UserId recipient, PageRequest request) {
        List<Notification> content = jdbc.sql("SELECT " + NotificationRows.COLUMNS + """
                 FROM notifications WHERE user_id = :userId
                ORDER BY created_at DESC, position DESC LIMIT :size OFFSET :offset""")
                .param("userId", recipient.value())
                .param("size", request.size())
                .param("offset", request.offset())
                .query(NotificationRows::toNotification)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ?")
                .param(recipient.value())
                .query(Long.class)
                .single();
        return new Page<>(content, request, total);
    }

    @Override
    public void updateRead(Notification notification) {
        jdbc.sql("UPDATE notifications SET read = ? WHERE id = ?")
                .param(notification.read())
                .param(notification.id().value())
                .update();
    }
}
