package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.LiveConfiguration;
import dev.microshop.user.domain.login.LogInAttemptRepository;
import dev.microshop.user.domain.user.EmailAddress;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Repeated failed log-ins from one client address lock that address out of an e-mail for every instance, whether or
 * not the e-mail has an account; from many addresses they slow it down, and never lock its owner out.
 */
@UserServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountLockoutTest {

    /** Where MockMvc requests come from. */
    private static final String MOCK_CLIENT = "127.0.0.1";

    private static final String LOCKED_DETAIL =
            "Too many failed log-ins: this account is locked for a while; try again in \\d+ seconds";

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    LogInAttemptRepository attempts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Environment environment;

    Api api;
    Http http;

    @Autowired
    void api(MockMvcTester mockMvc) {
        this.api = new Api(mockMvc);
    }

    @BeforeEach
    void connect() {
        http = new Http(environment);
    }

    @Test
    void five_wrong_passwords_lock_the_account_and_even_the_right_password_then_gets_423_with_retry_after(
            CapturedOutput output) {
        String email = Api.uniqueEmail("target");
        assertThat(api.signUp(email, "Target", Api.PASSWORD)).hasStatus(201);
        double lockoutsBefore = lockouts();

        failFiveTimes(email);
        MvcTestResult rightPassword = api.logIn(email, Api.PASSWORD);
        MvcTestResult wrongPassword = api.logIn(email, "wrong-password1");

        for (MvcTestResult locked : List.of(rightPassword, wrongPassword)) {
            assertThat(locked).hasStatus(423).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(locked).bodyJson().extractingPath("$.title").isEqualTo("Account locked");
            assertThat(locked).bodyJson().extractingPath("$.detail").asString().matches(LOCKED_DETAIL);
            assertThat(locked).bodyJson().extractingPath("$.traceId").asString().isNotBlank();
            assertThat(Integer.parseInt(locked.getResponse().getHeader("Retry-After")))
                    .isBetween(890, 900);
        }
        assertThat(lockouts()).isEqualTo(lockoutsBefore + 1);
        assertThat(output)
                .contains("Log-in locked for t***@example.com from 127.0.0.1 until")
                .doesNotContain(email)
                .doesNotContain("wrong-password1");
    }

    @Test
    void an_unknown_email_gets_the_same_answers_and_locks_the_same_way_as_a_registered_one() {
        String registered = Api.uniqueEmail("known");
        assertThat(api.signUp(registered, "Known", Api.PASSWORD)).hasStatus(201);
        String unknown = Api.uniqueEmail("unknown");

        for (String email : List.of(registered, unknown)) {
            failFiveTimes(email);
            MvcTestResult locked = api.logIn(email, Api.PASSWORD);
            assertThat(locked).hasStatus(423);
            assertThat(locked).bodyJson().extractingPath("$.detail").asString().matches(LOCKED_DETAIL);
            assertThat(attempts.find(new EmailAddress(email), MOCK_CLIENT).failures())
                    .isEqualTo(5);
        }
    }

    @Test
    void the_right_password_works_again_once_the_lock_duration_is_over() throws Exception {
        String email = Api.uniqueEmail("patient");
        assertThat(api.signUp(email, "Patient", Api.PASSWORD)).hasStatus(201);

        try (var twoFailures = LiveConfiguration.change(context, "microshop.users.login-lockout.max-failures", "2");
                var oneSecond =
                        LiveConfiguration.change(context, "microshop.users.login-lockout.lock-duration", "1s")) {
            assertThat(api.logIn(email, "wrong-password1")).hasStatus(401);
            assertThat(api.logIn(email, "wrong-password2")).hasStatus(401);
            MvcTestResult locked = api.logIn(email, Api.PASSWORD);
            assertThat(locked).hasStatus(423).headers().hasValue("Retry-After", "1");

            Thread.sleep(1_000);

            assertThat(api.logIn(email, Api.PASSWORD)).hasStatus(200);
        }
        assertThat(attempts.find(new EmailAddress(email), MOCK_CLIENT).failures())
                .isZero();
    }

    @Test
    void a_successful_log_in_resets_the_count() {
        String email = Api.uniqueEmail("forgetful");
        assertThat(api.signUp(email, "Forgetful", Api.PASSWORD)).hasStatus(201);
        for (int i = 0; i < 4; i++) {
            assertThat(api.logIn(email, "wrong-password1")).hasStatus(401);
        }

        assertThat(api.logIn(email, Api.PASSWORD)).hasStatus(200);

        assertThat(attempts.find(new EmailAddress(email), MOCK_CLIENT).failures())
                .isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(api.logIn(email, "wrong-password1")).hasStatus(401);
        }
        assertThat(api.logIn(email, Api.PASSWORD)).hasStatus(200);
    }

    @Test
    void twenty_parallel_wrong_passwords_are_counted_exactly_and_lock_only_that_account() throws Exception {
        String target = Api.uniqueEmail("besieged");
        String bystander = Api.uniqueEmail("bystander");
        assertThat(api.signUp(target, "Besieged", Api.PASSWORD)).hasStatus(201);
        assertThat(api.signUp(bystander, "Bystander", Api.PASSWORD)).hasStatus(201);
        assertThat(api.logIn(bystander, "wrong-password1")).hasStatus(401);

        List<Integer> statuses = logInInParallel(20, target, "wrong-password1");

        // Failures take turns per address: the first five are counted (the fifth locks), the rest meet the lock.
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 423).hasSize(15);
        assertThat(attempts.find(new EmailAddress(target), MOCK_CLIENT).failures())
                .isEqualTo(5);
        assertThat(attempts.find(new EmailAddress(target), MOCK_CLIENT).isLockedAt(Instant.now()))
                .isTrue();
        assertThat(api.logIn(target, Api.PASSWORD)).hasStatus(423);
        assertThat(attempts.find(new EmailAddress(bystander), MOCK_CLIENT).failures())
                .isEqualTo(1);
        assertThat(api.logIn(bystander, Api.PASSWORD)).hasStatus(200);
    }

    @Test
    void no_parallel_failure_is_lost_below_the_limit() throws Exception {
        String email = Api.uniqueEmail("crowded");

        List<Integer> statuses;
        try (var ignored = LiveConfiguration.change(context, "microshop.users.login-lockout.max-failures", "50");
                var unthrottled =
                        LiveConfiguration.change(context, "microshop.users.login-throttle.free-failures", "50")) {
            statuses = logInInParallel(20, email, "wrong-password1");
        }

        assertThat(statuses).containsOnly(401).hasSize(20);
        assertThat(attempts.find(new EmailAddress(email), MOCK_CLIENT).failures())
                .isEqualTo(20);
    }

    @Test
    void an_attacker_at_one_address_cannot_lock_the_owner_at_another_out() {
        String email = Api.uniqueEmail("owner");
        assertThat(api.signUp(email, "Owner", Api.PASSWORD)).hasStatus(201);

        List<Integer> attacker = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attacker.add(http.logInForwardedFor("198.51.100.66", email, "wrong-password" + i)
                    .statusCode());
        }
        HttpResponse<String> owner = http.logInForwardedFor("203.0.113.7", email, Api.PASSWORD);

        assertThat(attacker).containsExactly(401, 401, 401, 401, 401, 423, 423, 423);
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(attempts.find(new EmailAddress(email), "198.51.100.66").failures())
                .isEqualTo(5);
        assertThat(http.logInForwardedFor("198.51.100.66", email, Api.PASSWORD).statusCode())
                .isEqualTo(423);
    }

    @Test
    void failures_from_many_addresses_slow_the_account_down_with_429_and_retry_after_and_never_lock_it()
            throws Exception {
        String email = Api.uniqueEmail("sprayed");
        assertThat(api.signUp(email, "Sprayed", Api.PASSWORD)).hasStatus(201);
        for (int i = 0; i < 11; i++) {
            assertThat(http.logInForwardedFor("198.51.100." + i, email, "wrong-password1")
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> slowed = http.logInForwardedFor("203.0.113.7", email, Api.PASSWORD);

        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(slowed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(slowed.body()).contains("Too many failed log-ins for this account");
        Thread.sleep(1_000);
        assertThat(http.logInForwardedFor("203.0.113.7", email, Api.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @Test
    void every_spelling_of_an_address_counts_towards_the_same_lock() {
        String unique = UUID.randomUUID().toString();
        String email = "rosa-%s@example.com".formatted(unique);
        assertThat(api.signUp(email, "Rosa", Api.PASSWORD)).hasStatus(201);

        for (String spelling : List.of(
                email,
                email.toUpperCase(),
                "ro\u017fa-%s@example.com".formatted(unique),
                " " + email,
                "ROSA-%s@EXAMPLE.COM".formatted(unique))) {
            assertThat(api.logIn(spelling, "wrong-password1")).hasStatus(401);
        }

        assertThat(api.logIn(email, Api.PASSWORD)).hasStatus(423);
    }

    private void failFiveTimes(String email) {
        for (int i = 0; i < 5; i++) {
            MvcTestResult failed = api.logIn(email, "wrong-password" + i);
            assertThat(failed).hasStatus(401);
            assertThat(failed).bodyJson().extractingPath("$.detail").isEqualTo("Email or password is wrong");
        }
    }

    /** Sends {@code count} log-ins released at the same moment; their statuses. */
    private List<Integer> logInInParallel(int count, String email, String password) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return api.logIn(email, password).getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        }
    }

    private double lockouts() {
        return meters.get("microshop.users.login.lockouts").counter().count();
    }
}
