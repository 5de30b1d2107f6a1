package app.nobat.centre.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import app.nobat.platform.web.Acting;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/centres")
@Tag(name = "centres", description = "Centres with their services, desks, hours and queue policy")
public class CentreController {

    private final CentreCatalog catalog;
    private final CommandGateway commands;
    private final Clock clock;

    public CentreController(CentreCatalog catalog, CommandGateway commands, Clock clock) {
        this.catalog = catalog;
        this.commands = commands;
        this.clock = clock;
    }

    /** Whether a change was recorded (an identical profile records nothing). */
    public record DefineResponse(String centreId, boolean changed) {}

    @GetMapping
    @Operation(summary = "All centres")
    public Mono<List<CentreProfile>> all() {
        return Blocking.call(catalog::all);
    }

    @GetMapping("/{centreId}")
    @Operation(summary = "One centre")
    public Mono<CentreProfile> one(@PathVariable String centreId) {
        return Blocking.call(() -> catalog.get(centreId));
    }

    @PutMapping("/{centreId}")
    @Operation(
            summary =
                    "Define or change a centre: its services, desks, opening hours and queue policy (administrators). "
                            + "The whole profile is recorded as one audited event; today's floor keeps the settings it started with")
    public Mono<DefineResponse> define(@PathVariable String centreId, @RequestBody CentreProfile profile) {
        if (profile == null) {
            throw CommonRefusal.REQUIRED.at("", "member", "profile");
        }
        return Blocking.call(() -> {
            Boolean changed = commands.sendAndWait(new DefineCentre(centreId, profile, Acting.id(), clock.instant()));
            return new DefineResponse(centreId, Boolean.TRUE.equals(changed));
        });
    }
}
