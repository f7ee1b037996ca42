package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path directory;

    @Test
    void generates_random_url_safe_passwords_readable_by_the_owner_only_and_keeps_them() throws Exception {
        Home home = new Home(directory);
        Secrets secrets = new Secrets(home);

        secrets.createMissing();
        Map<String, String> first = secrets.environment();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.secrets())))
                .isEqualTo("rwx------");
        for (String file : new String[] {"operator.password", "postgres.password", "platform.password"}) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(home.secrets().resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(first)
                .containsOnlyKeys(
                        "MICROSHOP_OPERATOR_PASSWORD", "MICROSHOP_POSTGRES_PASSWORD", "MICROSHOP_PLATFORM_PASSWORD");
        // 43 characters of base64url: 256 random bits.
        assertThat(first.values()).allSatisfy(password -> assertThat(password).matches("[A-Za-z0-9_-]{43}"));
        assertThat(first.values()).doesNotHaveDuplicates();
        assertThat(secrets.operatorPassword()).isEqualTo(first.get("MICROSHOP_OPERATOR_PASSWORD"));

        new Secrets(home).createMissing();

        assertThat(new Secrets(home).environment()).isEqualTo(first);
    }

    @Test
    void another_machine_gets_other_passwords() {
        Secrets one = new Secrets(new Home(directory.resolve("one")));
        Secrets other = new Secrets(new Home(directory.resolve("other")));
        one.createMissing();
        other.createMissing();

        assertThat(one.operatorPassword()).isNotEqualTo(other.operatorPassword());
    }
}
