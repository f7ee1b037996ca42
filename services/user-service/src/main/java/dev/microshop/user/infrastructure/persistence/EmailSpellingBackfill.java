package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailSpelling;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway V6: re-spells every stored email canonically (they were only lower-cased) and fills in its look-alike key.
 * Accounts that already had the canonical spelling go first, then the oldest; an account whose canonical email or
 * look-alike key an earlier one has claimed keeps its old email and gets no key: it is a look-alike of an older
 * account, and is logged for the operator. If its old email is not canonical, no log-in finds it any more.
 */
@Component
class EmailSpellingBackfill implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EmailSpellingBackfill.class);

    private record StoredEmail(UUID id, String email, String canonical, String key) {

        boolean alreadyCanonical() {
            return email.equals(canonical);
        }
    }

    private final EmailSpelling spelling;

    EmailSpellingBackfill(EmailSpelling spelling) {
        this.spelling = spelling;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "canonical emails and look-alike keys";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<StoredEmail> stored = new ArrayList<>();
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT id, email FROM users ORDER BY registered_at, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String email = rows.getString("email");
                String canonical = spelling.canonical(email);
                stored.add(new StoredEmail(
                        rows.getObject("id", UUID.class), email, canonical, spelling.lookAlikeKey(canonical)));
            }
        }
        // Stable: within each group the oldest account first.
        stored.sort(Comparator.comparing(StoredEmail::alreadyCanonical).reversed());
        Set<String> claimedEmails = new HashSet<>();
        Set<String> claimedKeys = new HashSet<>();
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE users SET email = ?, email_skeleton = ? WHERE id = ?")) {
            for (StoredEmail account : stored) {
                boolean claimable = account.canonical().length() <= EmailAddress.MAX_LENGTH
                        && !claimedEmails.contains(account.canonical())
                        && !claimedKeys.contains(account.key());
                if (claimable) {
                    claimedEmails.add(account.canonical());
                    claimedKeys.add(account.key());
                } else {
                    log.warn(
                            "Account {} has an email that looks like an older account's: it keeps its old spelling"
                                    + " and gets no look-alike key",
                            account.id());
                }
                update.setString(1, claimable ? account.canonical() : account.email());
                update.setString(2, claimable ? account.key() : null);
                update.setObject(3, account.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
