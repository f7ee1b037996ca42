package dev.microshop.platform.messaging;

import javax.sql.DataSource;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reliable events for every service with a database and Kafka: the transactional outbox and its relay,
 * idempotent consumers, and listener error handling that retries with backoff and then parks the record
 * on {@code <topic>.dlt} so the consumer moves on.
 */
// Named, not referenced: a service without JDBC (the payment provider) has none of these classes.
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass(KafkaTemplate.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafka,
            @Value("${microshop.messaging.listener.retries:5}") int retries) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + ".dlt", -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    /** The outbox and idempotent consumers live in the service's own database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean(DataSource.class)
    static class TransactionalMessaging {

        @Bean
        TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new TraceParents(tracer, propagator);
        }

        @Bean
        OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                KafkaTemplate<String, byte[]> kafka, TraceParents traceParents,
                @Value("${spring.application.name}") String serviceName,
                @Value("${microshop.messaging.outbox.poll-millis:500}") long pollMillis) {
            return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka, traceParents, serviceName,
                    pollMillis);
        }

        @Bean
        Outbox outbox(JdbcTemplate jdbc, ObjectProvider<JsonMapper> json, TraceParents traceParents,
                OutboxRelay relay) {
            return new JdbcOutbox(jdbc, json.getIfAvailable(JsonMapper::new), traceParents, relay);
        }

        @Bean
        IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            return new IdempotentConsumer(jdbc, new TransactionTemplate(transactions));
        }
    }
}
