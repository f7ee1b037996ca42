package dev.microshop.user.interfaces.rest;

import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import java.util.List;

/** A user as clients see it: never the password hash. */
record UserResponse(String id, String email, String name, List<String> roles) {

    static UserResponse of(User user) {
        return new UserResponse(
                user.id().toString(),
                user.email().value(),
                user.name().value(),
                user.roles().stream().map(Role::name).sorted().toList());
    }
}
