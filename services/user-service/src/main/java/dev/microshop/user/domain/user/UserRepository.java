package dev.microshop.user.domain.user;

import java.util.List;
import java.util.Optional;

/**
 * All users. An email address is unique among them, and so is its look-alike key
 * ({@link EmailSpelling#lookAlikeKey}): no account's address can be mistaken for another's.
 */
public interface UserRepository {

    /**
     * Stores a new user; throws {@link EmailAlreadyRegisteredException} if the email or a look-alike of it was taken
     * meanwhile.
     */
    void add(User user);

    /** Stores the user's new roles. */
    void update(User user);

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    /** Whether an account has this address or one that looks like it. */
    boolean existsByEmailOrLookAlike(EmailAddress email);

    /** The users with this role, oldest account first. */
    List<User> findByRole(Role role);
}
