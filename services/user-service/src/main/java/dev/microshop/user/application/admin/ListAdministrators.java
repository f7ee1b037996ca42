package dev.microshop.user.application.admin;

import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts that are administrators, oldest first. */
@Service
public class ListAdministrators {

    private final UserRepository users;

    public ListAdministrators(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public List<User> list() {
        return users.findByRole(Role.ADMIN);
    }
}
