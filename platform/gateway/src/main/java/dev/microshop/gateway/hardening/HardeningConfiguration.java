package dev.microshop.gateway.hardening;

import dev.microshop.platform.config.LiveSettings;
import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** What the gateway accepts from clients and what it tells browsers: body size, internal headers, CORS, bad HTTP. */
@Configuration(proxyBeanMethods = false)
class HardeningConfiguration {

    @Bean
    LiveSettings<RequestProperties> requestSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.gateway.requests", RequestProperties.class);
    }

    @Bean
    LiveSettings<CorsProperties> corsSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.gateway.cors", CorsProperties.class);
    }

    @Bean
    CorsPolicy corsPolicy(LiveSettings<CorsProperties> corsSettings) {
        return new CorsPolicy(corsSettings);
    }

    @Bean
    NettyServerCustomizer unparsableRequestAnswers(JsonMapper json) {
        UnparsableRequestAnswers answers = new UnparsableRequestAnswers(json);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, "microshop.unparsableRequestAnswers", answers);
            }
        });
    }
}
