package dev.microshop.user.application.signup;

import dev.microshop.user.application.port.PasswordHasher;
import dev.microshop.user.application.port.RegistrationSettings;
import dev.microshop.user.application.port.UserEventPublisher;
import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailAlreadyRegisteredException;
import dev.microshop.user.domain.user.EmailSpelling;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserName;
import dev.microshop.user.domain.user.UserRegistered;
import dev.microshop.user.domain.user.UserRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a customer account (never an administrator's): checks the details against the current rules, stores the user,
 * announces it.
 */
@Service
public class SignUp {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final RegistrationSettings settings;
    private final UserEventPublisher events;
    private final EmailSpelling spelling;
    private final Clock clock;

    public SignUp(
            UserRepository users,
            PasswordHasher passwords,
            RegistrationSettings settings,
            UserEventPublisher events,
            EmailSpelling spelling,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.settings = settings;
        this.events = events;
        this.spelling = spelling;
        this.clock = clock;
    }

    @Transactional
    public User signUp(SignUpCommand command) {
        EmailAddress email = EmailAddress.of(command.email(), spelling);
        UserName name = UserName.of(command.name());
        settings.passwordPolicy().check(command.password());
        if (users.existsByEmailOrLookAlike(email)) {
            throw new EmailAlreadyRegisteredException(email);
        }
        User user = User.register(UserId.newId(), email, name, passwords.hash(command.password()), clock.instant());
        users.add(user);
        events.publish(UserRegistered.of(user));
        return user;
    }
}
