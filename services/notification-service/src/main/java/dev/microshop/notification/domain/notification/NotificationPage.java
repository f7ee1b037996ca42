package dev.microshop.notification.domain.notification;

import java.util.List;

/** One page of a shopper's notifications, newest first, and how many there are in all. */
public record NotificationPage(List<Notification> content, int number, int size, long totalElements) {

    public NotificationPage {
        content = List.copyOf(content);
    }

    public int totalPages() {
        return (int) ((totalElements + size - 1) / size);
    }
}
