package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.signingkey.RotateSigningKey;
import dev.microshop.user.application.signingkey.SigningKeyRotation;
import java.time.Instant;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator rotate the signing key now, e.g. after a suspected leak; at most once per minimum interval
 * (429 with Retry-After otherwise). Each rotation is audited with the administrator's user id.
 */
@RestController
class SigningKeyAdminController {

    /** The key that signs from now on. */
    record ActiveSigningKey(String kid, Instant createdAt) {}

    private final RotateSigningKey rotateSigningKey;
    private final ApplicationEventPublisher events;

    SigningKeyAdminController(RotateSigningKey rotateSigningKey, ApplicationEventPublisher events) {
        this.rotateSigningKey = rotateSigningKey;
        this.events = events;
    }

    @PostMapping("/api/admin/signing-keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    ActiveSigningKey rotate(@AuthenticationPrincipal Jwt administrator) {
        SigningKeyRotation rotation = rotateSigningKey.rotate();
        events.publishEvent(
                new AuditApplicationEvent(administrator.getSubject(), "SIGNING_KEY_ROTATED", rotation.auditData()));
        return new ActiveSigningKey(rotation.active().kid(), rotation.active().createdAt());
    }
}
