package app.nobat.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.Jackson2JsonDecoder;

/**
 * Request bodies are read strictly: 1.5 is no whole number, "1" no enum constant, null no number,
 * "true" no boolean. Only the HTTP decoder is strict; the application's ObjectMapper, which the Axon
 * serializer and the stores use, is left as it is, so stored events and documents replay unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonInput {

    @Bean
    CodecCustomizer strictJsonRequests(ObjectMapper applicationMapper) {
        ObjectMapper strict = strict(applicationMapper);
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(strict));
    }

    /** A copy of {@code base} that refuses silent conversions of request values. */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper strict = base.copy()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // {"capacity": 1, "capacity": 2000} is refused, not read as its last value
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // a string where a number, boolean or enum is expected ("3", "true", "1") is refused, not coerced
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        return strict;
    }
}
