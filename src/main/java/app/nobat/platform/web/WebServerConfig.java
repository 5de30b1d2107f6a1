package app.nobat.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.netty.NettyPipeline;

/** Bounds on connections: how many live streams a client holds, and how slowly a request may arrive. */
@Configuration(proxyBeanMethods = false)
public class WebServerConfig {

    private static final Logger log = LoggerFactory.getLogger(WebServerConfig.class);

    /** Before security (order -200 is the rate limits), so that a flood of streams costs no authentication. */
    @Bean
    @Order(-190)
    StreamLimits streamLimits(StreamLimitSettings settings, ObjectMapper json) {
        return new StreamLimits(new StreamLimits.Limits(settings.perClient(), settings.perToken()), json);
    }

    /** Where links on printed tickets point; a start without it fails (the demo profile gives localhost). */
    @Bean
    PublicBaseUrl publicBaseUrl(PublicBaseUrlSettings settings) {
        return PublicBaseUrl.configured(settings.publicBaseUrl());
    }

    /**
     * Reactor Netty's read timeout bounds the pauses within a request's body; the request-head
     * deadline bounds the whole request line and headers (server.netty.idle-timeout only sees a
     * connection that sends nothing at all).
     */
    @Bean
    NettyServerCustomizer slowClientTimeouts(SlowClientSettings settings) {
        Duration headerTimeout = settings.requestHeaderTimeout();
        return server -> server.readTimeout(settings.readTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    var pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(
                                NettyPipeline.HttpCodec,
                                "nobat.requestHeaderDeadline",
                                new RequestHeaderDeadline(headerTimeout));
                    } else {
                        log.warn("No HTTP/1.1 codec on a new connection: the request-head deadline is not applied");
                    }
                });
    }
}
