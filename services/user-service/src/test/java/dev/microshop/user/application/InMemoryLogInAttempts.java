package dev.microshop.user.application;

import dev.microshop.user.domain.login.AccountThrottle;
import dev.microshop.user.domain.login.LogInAttemptRepository;
import dev.microshop.user.domain.login.LogInAttempts;
import dev.microshop.user.domain.user.EmailAddress;
import java.util.HashMap;
import java.util.Map;

/** Failed log-ins in maps; the tests that use it run one request at a time, so locking has nothing to do. */
class InMemoryLogInAttempts implements LogInAttemptRepository {

    record Pair(EmailAddress email, String clientAddress) {}

    final Map<Pair, LogInAttempts> byPair = new HashMap<>();
    final Map<EmailAddress, AccountThrottle> throttles = new HashMap<>();

    @Override
    public void lockForChange(EmailAddress email) {}

    @Override
    public LogInAttempts find(EmailAddress email, String clientAddress) {
        return byPair.getOrDefault(new Pair(email, clientAddress), LogInAttempts.none(email, clientAddress));
    }

    @Override
    public void save(LogInAttempts attempts) {
        byPair.put(new Pair(attempts.email(), attempts.clientAddress()), attempts);
    }

    @Override
    public void clear(EmailAddress email, String clientAddress) {
        byPair.remove(new Pair(email, clientAddress));
    }

    @Override
    public AccountThrottle findThrottle(EmailAddress email) {
        return throttles.getOrDefault(email, AccountThrottle.none(email));
    }

    @Override
    public void save(AccountThrottle throttle) {
        throttles.put(throttle.email(), throttle);
    }
}
