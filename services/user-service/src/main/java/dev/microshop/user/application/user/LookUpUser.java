package dev.microshop.user.application.user;

import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserNotFoundException;
import dev.microshop.user.domain.user.UserRepository;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Another service asks for a user on behalf of its caller: the user themself may read their record, and so may a
 * service and an administrator (order-service checks that the user an administrator orders for exists). Anyone else
 * learns nothing, not even whether the id exists.
 */
@Service
public class LookUpUser {

    private static final Set<String> MAY_READ_ANY_USER = Set.of("SERVICE", "ADMIN");

    private final UserRepository users;

    public LookUpUser(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public User lookUp(UserId id, Caller caller) {
        boolean ownRecord = id.toString().equals(caller.subject());
        if (!ownRecord && caller.roles().stream().noneMatch(MAY_READ_ANY_USER::contains)) {
            throw new UserRecordDeniedException();
        }
        return users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
    }
}
