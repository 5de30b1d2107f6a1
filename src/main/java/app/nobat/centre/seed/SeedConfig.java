package app.nobat.centre.seed;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class SeedConfig {

    @Bean
    CentreSeeder centreSeeder(CommandGateway commands, Clock clock,
                              @Value("${nobat.seed.centres:classpath*:centres/*.yml}") List<String> locations) {
        return new CentreSeeder(commands, locations, clock);
    }
}
