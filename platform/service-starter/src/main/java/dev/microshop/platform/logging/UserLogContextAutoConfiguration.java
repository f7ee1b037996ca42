package dev.microshop.platform.logging;

import io.grpc.ServerInterceptor;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller's {@code user_id} in the logs and on the spans of every request and gRPC call a service serves. */
@AutoConfiguration
@ConditionalOnClass(JwtAuthenticationToken.class)
public class UserLogContextAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ServletUserLogContext {

        @Bean
        UserLogContextFilter userLogContextFilter() {
            return new UserLogContextFilter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ServerInterceptor.class, GlobalServerInterceptor.class})
    static class GrpcUserLogContext {

        @Bean
        @GlobalServerInterceptor
        UserLogContextInterceptor userLogContextInterceptor(ObjectProvider<ObservationRegistry> observations) {
            return new UserLogContextInterceptor(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }
}
