package app.nobat.centre.seed;

import app.nobat.platform.seed.SeedSettings;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SeedConfig {

    @Bean
    CentreSeeder centreSeeder(CommandGateway commands, Clock clock, SeedSettings seeds) {
        return new CentreSeeder(commands, seeds.centres(), clock);
    }
}
