package app.nobat.centre.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreMessages.DefineCentre;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import app.nobat.platform.web.Acting;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
    @Operation(
            summary = "One centre",
            description = "The ETag header carries the profile's version; a change sends it back as If-Match")
    public Mono<ResponseEntity<CentreProfile>> one(@PathVariable String centreId) {
        return Blocking.call(() -> {
            CentreCatalog.Versioned read = catalog.getVersioned(centreId);
            return ResponseEntity.ok().eTag(String.valueOf(read.version())).body(read.profile());
        });
    }

    @PutMapping("/{centreId}")
    @Operation(
            summary =
                    "Define or change a centre: its services, desks, opening hours and queue policy (administrators). "
                            + "The whole profile is recorded as one audited event; today's floor keeps the settings it started with")
    public Mono<DefineResponse> define(
            @PathVariable String centreId,
            @RequestBody CentreProfile profile,
            @Parameter(
                            description =
                                    "The version the change was made to (the ETag read with the profile): a centre "
                                            + "changed meanwhile is refused with centre-changed-meanwhile. Without it the "
                                            + "profile replaces whatever is there")
                    @RequestHeader(value = "If-Match", required = false)
                    String ifMatch) {
        if (profile == null) {
            throw CommonRefusal.REQUIRED.at("", "member", "profile");
        }
        Long expected = version(ifMatch);
        return Blocking.call(() -> {
            Boolean changed =
                    commands.sendAndWait(new DefineCentre(centreId, profile, Acting.id(), clock.instant(), expected));
            return new DefineResponse(centreId, Boolean.TRUE.equals(changed));
        });
    }

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?(-?[0-9]{1,18})\"?");

    /** The version of an If-Match header ("3", W/"3" or 3); null without one. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = ENTITY_TAG.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw CommonRefusal.OUT_OF_RANGE.at("", "member", "If-Match");
        }
        return Long.parseLong(m.group(1));
    }
}
