package dev.microshop.user.domain.user;

import java.util.Optional;

/** All users; an email address is unique among them. */
public interface UserRepository {

    /** Stores a new user; throws {@link EmailAlreadyRegisteredException} if the email was taken meanwhile. */
    void add(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    boolean existsByEmail(EmailAddress email);
}
