package dev.microshop.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reliable events for every service with a database and Kafka: the transactional outbox and its relay,
 * idempotent consumers, and listener error handling that retries what can succeed later and parks what cannot on
 * {@code <topic>.dlt} so the consumer moves on ({@code ./microshop dlt} replays it).
 */
// Named, not referenced: a service without JDBC (the payment provider) has none of these classes.
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    ListenerRetries listenerRetries(
            ListenerContainerRegistry containers,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<Clock> clock,
            MessagingProperties settings) {
        ThreadPoolTaskScheduler resumes = new ThreadPoolTaskScheduler();
        resumes.setThreadNamePrefix("listener-resume-");
        resumes.setDaemon(true);
        resumes.initialize();
        return new ListenerRetries(
                containers,
                new ListenerContainerPauseService(containers, resumes),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC),
                settings.listener().transientMaxInterval());
    }

    /**
     * Sorts each failure ({@link ListenerFailures}): a permanent one is dead-lettered at once, a transient one retried
     * with exponential backoff (0.5 s doubling up to {@code transient-max-interval}) for as long as it lasts, an
     * unexpected one retried {@code retries} times (0.5 s doubling) and then dead-lettered.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaTemplate<String, byte[]> kafka, ListenerRetries listenerRetries, MessagingProperties settings) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(record.topic() + ".dlt", -1));
        ExponentialBackOffWithMaxRetries unexpected =
                new ExponentialBackOffWithMaxRetries(settings.listener().retries());
        unexpected.setInitialInterval(500);
        unexpected.setMultiplier(2);
        ExponentialBackOff whileItLasts = new ExponentialBackOff(500, 2);
        whileItLasts.setMaxInterval(settings.listener().transientMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, unexpected, listenerRetries);
        handler.setBackOffFunction((record, failure) ->
                ListenerFailures.classify(failure) == ListenerFailures.Kind.TRANSIENT ? whileItLasts : unexpected);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setRetryListeners(listenerRetries);
        return handler;
    }

    /** The outbox and idempotent consumers live in the service's own database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcClient.class)
    @ConditionalOnBean(DataSource.class)
    static class TransactionalMessaging {

        @Bean
        TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new TraceParents(tracer, propagator);
        }

        @Bean
        OutboxRelay outboxRelay(
                JdbcClient jdbc,
                PlatformTransactionManager transactions,
                KafkaTemplate<String, byte[]> kafka,
                TraceParents traceParents,
                @Value("${spring.application.name}") String serviceName,
                MessagingProperties settings,
                ObjectProvider<MeterRegistry> meters) {
            return new OutboxRelay(
                    jdbc,
                    new TransactionTemplate(transactions),
                    kafka,
                    traceParents,
                    serviceName,
                    settings.outbox().pollMillis(),
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        Outbox outbox(JdbcClient jdbc, ObjectProvider<JsonMapper> json, TraceParents traceParents, OutboxRelay relay) {
            return new JdbcOutbox(jdbc, json.getIfAvailable(JsonMapper::new), traceParents, relay);
        }

        @Bean
        IdempotentConsumer idempotentConsumer(JdbcClient jdbc, PlatformTransactionManager transactions) {
            return new IdempotentConsumer(jdbc, new TransactionTemplate(transactions));
        }
    }
}
