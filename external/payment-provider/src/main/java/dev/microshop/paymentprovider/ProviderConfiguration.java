package dev.microshop.paymentprovider;

import dev.microshop.paymentprovider.charges.Ledger;
import dev.microshop.paymentprovider.charges.LedgerFile;
import dev.microshop.paymentprovider.charges.Payments;
import dev.microshop.paymentprovider.faults.FaultInjectionFilter;
import dev.microshop.paymentprovider.faults.FaultKnobs;
import dev.microshop.paymentprovider.faults.FaultSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ledger (in memory, or also in a file), the payments it records and the fault knobs. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ledger ledger(ProviderProperties properties, JsonMapper json) {
        if (properties.ledgerFile().isEmpty()) {
            log.info("Ledger kept in memory only");
            return new Ledger(LedgerFile.none(json));
        }
        Path file = Path.of(properties.ledgerFile());
        log.info("Ledger kept in {}", file.toAbsolutePath());
        return new Ledger(new LedgerFile(file, json));
    }

    @Bean
    Payments payments(Ledger ledger, Clock clock, ProviderProperties properties) {
        return new Payments(ledger, clock, properties.slowPaymentDelay());
    }

    @Bean
    FaultKnobs faultKnobs(ProviderProperties properties) {
        ProviderProperties.Faults faults = properties.faults();
        return new FaultKnobs(new FaultSettings(faults.extraLatency().toMillis(), faults.failureRate(), false));
    }

    @Bean
    FilterRegistrationBean<FaultInjectionFilter> faultInjectionFilter(FaultKnobs knobs) {
        return new FilterRegistrationBean<>(new FaultInjectionFilter(knobs));
    }
}
