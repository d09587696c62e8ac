package io.hirepipe.gateway.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Puts {@link MalformedRequestGuard} right behind the HTTP decoder of every connection the gateway accepts. */
@Configuration(proxyBeanMethods = false)
class MalformedRequestConfiguration {

    static final String HANDLER = "hirepipe.malformedRequestGuard";

    @Bean
    NettyServerCustomizer malformedRequestGuard() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new MalformedRequestGuard());
            }
        });
    }
}
