package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.signingkey.RotateSigningKey;
import dev.microshop.user.domain.signingkey.SigningKey;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator rotate the signing key now, e.g. after a suspected leak. */
@RestController
class SigningKeyAdminController {

    /** The key that signs from now on. */
    record ActiveSigningKey(String kid, Instant createdAt) {
    }

    private final RotateSigningKey rotateSigningKey;

    SigningKeyAdminController(RotateSigningKey rotateSigningKey) {
        this.rotateSigningKey = rotateSigningKey;
    }

    @PostMapping("/api/admin/signing-keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    ActiveSigningKey rotate() {
        SigningKey key = rotateSigningKey.rotate();
        return new ActiveSigningKey(key.kid(), key.createdAt());
    }
}
