package dev.microshop.user.application.user;

import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserNotFoundException;
import dev.microshop.user.domain.user.UserRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up one user by id: the signed-in user's own account. */
@Service
public class GetUser {

    private final UserRepository users;

    public GetUser(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public User get(UserId id) {
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }
}
