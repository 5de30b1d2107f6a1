package app.nobat.access.web;

import app.nobat.access.devices.DevicePrincipal;
import app.nobat.common.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Who the caller is, for the staff pages (which show the sign-in form until this answers). */
@RestController
@RequestMapping("/api/me")
@Tag(name = "access", description = "Sign-in, staff accounts and device tokens")
public class SessionController {

    /** A signed-in staff member (name, highest role) or a device (its id, kind and centre). */
    public record Me(
            String name, SignedInRole role, @Nullable String centreId) {}

    @GetMapping
    @Operation(summary = "The signed-in staff member or device")
    public Mono<Me> me(Authentication authentication) {
        if (authentication.getPrincipal() instanceof DevicePrincipal device) {
            return Mono.just(new Me(device.deviceId(), SignedInRole.of(device.kind()), device.centreId()));
        }
        Actor actor = RequestActor.of(authentication).orElseThrow();
        return Mono.just(new Me(actor.id(), SignedInRole.valueOf(actor.role()), null));
    }
}
