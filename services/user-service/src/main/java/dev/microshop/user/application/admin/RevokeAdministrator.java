package dev.microshop.user.application.admin;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailSpelling;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserNotFoundException;
import dev.microshop.user.domain.user.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes an administrator a customer only; its tokens lose the role from the next log-in or refresh on. Revoking the
 * last administrator is allowed: administrators are provisioned by the operator, who needs none of them to grant the
 * role again.
 */
@Service
public class RevokeAdministrator {

    private final UserRepository users;
    private final EmailSpelling spelling;

    public RevokeAdministrator(UserRepository users, EmailSpelling spelling) {
        this.users = users;
        this.spelling = spelling;
    }

    /** The account as it is now; throws {@link UserNotFoundException} if no account has this address. */
    @Transactional
    public User revoke(String email) {
        EmailAddress address = EmailAddress.of(email, spelling);
        User user = users.findByEmail(address).orElseThrow(() -> new UserNotFoundException(address));
        if (!user.isAdministrator()) {
            return user;
        }
        User customer = user.revokeAdministrator();
        users.update(customer);
        return customer;
    }
}
