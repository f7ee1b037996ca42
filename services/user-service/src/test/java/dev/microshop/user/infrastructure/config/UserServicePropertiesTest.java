package dev.microshop.user.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserServicePropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void the_defaults_are_valid() {
        assertThat(validator.validate(new UserServiceProperties())).isEmpty();
    }

    @Test
    void a_lockout_that_allows_no_failure_or_has_an_empty_window_is_rejected_before_it_applies() {
        UserServiceProperties properties = new UserServiceProperties();
        properties.getLoginLockout().setMaxFailures(0);
        properties.getLoginLockout().setWindow(Duration.ZERO);

        assertThat(validator.validate(properties))
                .extracting(ConstraintViolation::getPropertyPath).map(Object::toString)
                .containsExactlyInAnyOrder("loginLockout.maxFailures", "loginLockout.windowAndLockDurationPositive");
    }
}
