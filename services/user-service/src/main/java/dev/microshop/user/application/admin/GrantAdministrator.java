package dev.microshop.user.application.admin;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailSpelling;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserNotFoundException;
import dev.microshop.user.domain.user.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes an existing account an administrator (the operator's decision, never the account's own). The new role is in
 * the account's tokens from its next log-in or refresh on.
 */
@Service
public class GrantAdministrator {

    private final UserRepository users;
    private final EmailSpelling spelling;

    public GrantAdministrator(UserRepository users, EmailSpelling spelling) {
        this.users = users;
        this.spelling = spelling;
    }

    /** The account as it is now; throws {@link UserNotFoundException} if no account has this address. */
    @Transactional
    public User grant(String email) {
        EmailAddress address = EmailAddress.of(email, spelling);
        User user = users.findByEmail(address).orElseThrow(() -> new UserNotFoundException(address));
        if (user.isAdministrator()) {
            return user;
        }
        User administrator = user.grantAdministrator();
        users.update(administrator);
        return administrator;
    }
}
