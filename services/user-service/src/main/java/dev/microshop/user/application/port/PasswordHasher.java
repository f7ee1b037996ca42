package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.PasswordHash;

/** Turns passwords into slow one-way hashes and checks passwords against them. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    boolean matches(String password, PasswordHash hash);
}
