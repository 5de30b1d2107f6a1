package app.nobat.centre.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

@RestController
@RequestMapping("/api/centres")
@Tag(name = "centres", description = "Centres with their services, desks, hours and queue policy")
public class CentreController {

    private final CentreCatalog catalog;

    public CentreController(CentreCatalog catalog) {
        this.catalog = catalog;
    }

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
}
