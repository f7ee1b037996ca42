package dev.microshop.payment.integration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.microshop.testsupport.MicroshopIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * payment-service against the JVM's real PostgreSQL and Kafka and the real payment provider (its own jar,
 * its own process), configured by the files the config server serves. Every test class extends this, so
 * they share one context; the breaker waits only 2 s when open and retries quickly, to keep tests short.
 */
@MicroshopIntegrationTest
@TestPropertySource(properties = {
        "spring.config.import=file:../../config/application.yml,file:../../config/payment-service.yml",
        "management.tracing.export.enabled=true",
        "management.tracing.export.zipkin.enabled=false",
        "management.tracing.export.otlp.enabled=false",
        "resilience4j.circuitbreaker.instances.payment-provider.wait-duration-in-open-state=2s",
        "resilience4j.retry.instances.payment-provider.wait-duration=50ms",
        "microshop.payments.refund-retry-interval=1s"
})
@AutoConfigureMockMvc
@Import(PaymentIntegrationTest.TestKeys.class)
abstract class PaymentIntegrationTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("microshop.payments.provider.base-url", PaymentProviderProcess::url);
    }

    /** Access tokens are checked against this key instead of user-service's JWKS. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestKeys {

        static final RSAKey KEY = generate();

        @Bean
        JWKSource<SecurityContext> testSigningKeys() {
            return new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
        }

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048).keyID("test").generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    Events events;

    @Autowired
    void events(KafkaTemplate<String, byte[]> kafka, Environment environment) {
        this.events = new Events(kafka, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterEach
    void providerBehavesAgain() {
        ProviderAdmin.resetFaults();
        circuitBreakers.circuitBreaker("payment-provider").reset();
    }

    /** A signed access token for {@code userId} with the given roles, as user-service issues them. */
    static String token(String userId, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("microshop").audience("microshop").subject(userId)
                .claim("roles", List.of(roles)).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.KEY.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(TestKeys.KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
