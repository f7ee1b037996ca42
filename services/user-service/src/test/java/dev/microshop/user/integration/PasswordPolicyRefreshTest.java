package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.LiveConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A configuration refresh (as Spring Cloud Bus delivers it) changes the password policy of the running service. */
@UserServiceIntegrationTest
class PasswordPolicyRefreshTest {

    private static final String TWELVE_CHARACTERS = "twelve-char1";

    @Autowired
    ConfigurableApplicationContext context;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void a_stricter_minimum_length_applies_to_the_next_sign_up_and_relaxing_it_applies_again() throws Exception {
        assertThat(api.signUp(Api.uniqueEmail("before"), "Before", TWELVE_CHARACTERS))
                .hasStatus(201);

        try (var ignored = LiveConfiguration.change(context, "microshop.users.password-policy.min-length", "16")) {
            assertThat(api.signUp(Api.uniqueEmail("during"), "During", TWELVE_CHARACTERS))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("must be at least 16 characters long");
        }

        assertThat(api.signUp(Api.uniqueEmail("after"), "After", TWELVE_CHARACTERS))
                .hasStatus(201);
    }

    @Test
    void dropping_the_digit_rule_lets_a_password_without_digits_through() throws Exception {
        String noDigits = "no-digits-at-all";
        assertThat(api.signUp(Api.uniqueEmail("digits"), "Digits", noDigits)).hasStatus(400);

        try (var ignored =
                LiveConfiguration.change(context, "microshop.users.password-policy.require-digit", "false")) {
            assertThat(api.signUp(Api.uniqueEmail("digits"), "Digits", noDigits))
                    .hasStatus(201);
        }
    }
}
