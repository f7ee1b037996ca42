package dev.microshop.user.infrastructure.security;

import dev.microshop.user.application.signingkey.RotateSigningKeyWhenDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes sure there is an active signing key before traffic arrives, and replaces it when it is due. */
@Component
class SigningKeyRotationSchedule {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotationSchedule.class);

    private final RotateSigningKeyWhenDue rotateSigningKeyWhenDue;

    SigningKeyRotationSchedule(RotateSigningKeyWhenDue rotateSigningKeyWhenDue) {
        this.rotateSigningKeyWhenDue = rotateSigningKeyWhenDue;
    }

    @EventListener(ApplicationStartedEvent.class)
    void ensureActiveKey() {
        rotateWhenDue();
    }

    @Scheduled(initialDelayString = "${microshop.users.signing-keys.check-interval:PT10M}",
            fixedDelayString = "${microshop.users.signing-keys.check-interval:PT10M}")
    void rotateWhenDue() {
        if (rotateSigningKeyWhenDue.rotateIfDue()) {
            log.info("A new access-token signing key is active");
        }
    }
}
