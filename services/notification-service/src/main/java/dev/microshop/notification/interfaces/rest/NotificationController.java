package dev.microshop.notification.interfaces.rest;

import dev.microshop.notification.application.inbox.ListNotifications;
import dev.microshop.notification.application.inbox.MarkNotificationRead;
import dev.microshop.notification.domain.Page;
import dev.microshop.notification.domain.PageRequest;
import dev.microshop.notification.domain.notification.UserId;
import dev.microshop.platform.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications: the list, and marking one as read. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final ListNotifications listNotifications;
    private final MarkNotificationRead markNotificationRead;

    NotificationController(ListNotifications listNotifications, MarkNotificationRead markNotificationRead) {
        this.listNotifications = listNotifications;
        this.markNotificationRead = markNotificationRead;
    }

    @GetMapping
    PageResponse<NotificationResponse> list(
            @AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Page<NotificationResponse> listed = listNotifications
                .list(UserId.parse(token.getSubject()), new PageRequest(page, size))
                .map(NotificationResponse::of);
        return PageResponse.of(
                listed.content(), listed.request().number(), listed.request().size(), listed.totalElements());
    }

    @PostMapping("/{id}/read")
    NotificationResponse markRead(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return NotificationResponse.of(markNotificationRead.markRead(UserId.parse(token.getSubject()), id));
    }
}
