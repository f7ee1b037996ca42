package dev.microshop.user.infrastructure.scheduling;

import dev.microshop.user.application.signingkey.RotateSigningKeyWhenDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an active signing key before traffic arrives, replaces it when it is due, and forgets keys no
 * token can use any more. A rotation is audited like an administrator's, with this schedule as the actor.
 */
@Component
class SigningKeyRotationSchedule {

    /** The audit actor of rotations nobody asked for. */
    private static final String ACTOR = "signing-key-schedule";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotationSchedule.class);

    private final RotateSigningKeyWhenDue rotateSigningKeyWhenDue;
    private final ApplicationEventPublisher events;

    SigningKeyRotationSchedule(RotateSigningKeyWhenDue rotateSigningKeyWhenDue, ApplicationEventPublisher events) {
        this.rotateSigningKeyWhenDue = rotateSigningKeyWhenDue;
        this.events = events;
    }

    @EventListener(ApplicationStartedEvent.class)
    void ensureActiveKey() {
        rotateWhenDue();
    }

    /** The interval is read at start-up; its value is in config/user-service.yml. */
    @Scheduled(
            initialDelayString = "${microshop.users.signing-keys.check-interval}",
            fixedDelayString = "${microshop.users.signing-keys.check-interval}")
    void rotateWhenDue() {
        rotateSigningKeyWhenDue.rotateIfDue().ifPresent(rotation -> {
            log.info("A new access-token signing key is active");
            events.publishEvent(new AuditApplicationEvent(ACTOR, "SIGNING_KEY_ROTATED", rotation.auditData()));
        });
    }
}
