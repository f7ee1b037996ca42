package dev.microshop.notification.interfaces.rest;

import dev.microshop.notification.domain.notification.NotificationPage;
import java.util.List;

/** A page of notifications in the shape every paged microshop list has: {@code {"content":[...],"page":{...}}}. */
record NotificationPageResponse(List<NotificationResponse> content, PageMetadata page) {

    record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }

    static NotificationPageResponse of(NotificationPage page) {
        return new NotificationPageResponse(page.content().stream().map(NotificationResponse::of).toList(),
                new PageMetadata(page.size(), page.number(), page.totalElements(), page.totalPages()));
    }
}
