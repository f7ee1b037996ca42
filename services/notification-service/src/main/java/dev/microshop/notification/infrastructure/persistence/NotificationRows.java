package dev.microshop.notification.infrastructure.persistence;

import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationId;
import dev.microshop.notification.domain.notification.NotificationKind;
import dev.microshop.notification.domain.notification.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads a row of {@code notifications}: the columns every query selects. */
final class NotificationRows {

    static final String COLUMNS = "id, user_id, kind, title, message, reference, created_at, read";

    private NotificationRows() {}

    static Notification toNotification(ResultSet row, int rowNumber) throws SQLException {
        return new Notification(
                new NotificationId(row.getObject("id", UUID.class)),
                new UserId(row.getObject("user_id", UUID.class)),
                NotificationKind.valueOf(row.getString("kind")),
                row.getString("title"),
                row.getString("message"),
                row.getString("reference"),
                row.getTimestamp("created_at").toInstant(),
                row.getBoolean("read"));
    }
}
