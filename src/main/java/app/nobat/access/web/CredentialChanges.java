package app.nobat.access.web;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells the open streams of this node that a credential was withdrawn (a device revoked or
 * replaced, a staff account disabled or changed), so that each checks its own at once. Other nodes
 * learn of it at their next periodic check.
 */
public final class CredentialChanges {

    private final Sinks.Many<Object> changes = Sinks.many().multicast().directBestEffort();

    public void withdrawn() {
        // callers on several threads: retry briefly rather than lose the signal to a concurrent one
        changes.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200)));
    }

    Flux<Object> asFlux() {
        return changes.asFlux();
    }
}
