package app.nobat.floor.closing;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.floor.board.FloorBoardRepository;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ClosingConfig {

    @Bean
    @ConditionalOnProperty(name = "nobat.floor.closing.enabled", havingValue = "true", matchIfMissing = true)
    FloorClosing floorClosing(
            FloorBoardRepository boards, CentreCatalog catalog, CommandGateway commands, Clock clock) {
        return new FloorClosing(boards, catalog, commands, clock);
    }

    @Bean
    CarryOver carryOver(CommandGateway commands, CentreCatalog catalog) {
        return new CarryOver(commands, catalog);
    }
}
