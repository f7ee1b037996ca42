package dev.microshop.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production the key of the {cipher} values in config/ comes from the environment, and there is no default: without
 * MICROSHOP_ENCRYPT_KEY the config server does not start, rather than serve values no one can decrypt (or encrypt new
 * ones with a key that is public).
 */
@Component
@Profile("prod")
class ProductionKeyCheck {

    ProductionKeyCheck(@Value("${encrypt.key:}") String key) {
        if (key.isBlank()) {
            throw new IllegalStateException("the prod profile needs MICROSHOP_ENCRYPT_KEY, the key of the {cipher}"
                    + " values in config/; it has no default");
        }
    }
}
