package app.nobat.centre.seed;

import org.axonframework.commandhandling.gateway.CommandGateway;
import app.nobat.platform.seed.SeedSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class SeedConfig {

    @Bean
    CentreSeeder centreSeeder(CommandGateway commands, Clock clock, SeedSettings seeds) {
        return new CentreSeeder(commands, seeds.centres(), clock);
    }
}
