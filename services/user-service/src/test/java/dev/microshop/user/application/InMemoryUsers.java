package dev.microshop.user.application;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailAlreadyRegisteredException;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in a map, for use-case tests that are about rules rather than storage. */
class InMemoryUsers implements UserRepository {

    final Map<UserId, User> byId = new LinkedHashMap<>();

    @Override
    public void add(User user) {
        if (existsByEmailOrLookAlike(user.email())) {
            throw new EmailAlreadyRegisteredException(user.email());
        }
        byId.put(user.id(), user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public void update(User user) {
        byId.put(user.id(), user);
    }

    // The stand-in spelling makes every address its own look-alike key.
    @Override
    public boolean existsByEmailOrLookAlike(EmailAddress email) {
        return findByEmail(email).isPresent();
    }

    @Override
    public List<User> findByRole(Role role) {
        return byId.values().stream()
                .filter(user -> user.roles().contains(role))
                .toList();
    }
}
