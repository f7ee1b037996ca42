package dev.microshop.user.infrastructure.security;

import dev.microshop.user.application.port.PasswordHasher;
import dev.microshop.user.domain.user.PasswordHash;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** BCrypt with Spring Security's default cost (10, about 2^10 rounds); the salt is part of each hash. */
@Component
class BCryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash(bcrypt.encode(password));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        return bcrypt.matches(password, hash.value());
    }
}
