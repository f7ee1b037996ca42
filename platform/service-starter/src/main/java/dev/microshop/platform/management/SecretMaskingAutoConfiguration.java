package dev.microshop.platform.management;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The operator reads the environment and the configuration properties (env, configprops; the console shows them) but
 * never a secret's value: what looks like a password, key, token or credential, or a URI's user information, is
 * masked, whoever asks.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class SecretMaskingAutoConfiguration {

    @Bean
    SanitizingFunction secretsMasked() {
        return SanitizingFunction.sanitizeValue().ifLikelySensitive();
    }
}
