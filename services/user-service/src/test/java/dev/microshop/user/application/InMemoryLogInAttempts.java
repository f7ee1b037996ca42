package dev.microshop.user.application;

import dev.microshop.user.domain.login.LogInAttemptRepository;
import dev.microshop.user.domain.login.LogInAttempts;
import dev.microshop.user.domain.user.EmailAddress;
import java.util.HashMap;
import java.util.Map;

/** Failed log-ins in a map; the tests that use it run one request at a time, so locking has nothing to do. */
class InMemoryLogInAttempts implements LogInAttemptRepository {

    final Map<EmailAddress, LogInAttempts> byEmail = new HashMap<>();

    @Override
    public void lockForChange(EmailAddress email) {
    }

    @Override
    public LogInAttempts find(EmailAddress email) {
        return byEmail.getOrDefault(email, LogInAttempts.none(email));
    }

    @Override
    public void save(LogInAttempts attempts) {
        byEmail.put(attempts.email(), attempts);
    }

    @Override
    public void clear(EmailAddress email) {
        byEmail.remove(email);
    }
}
