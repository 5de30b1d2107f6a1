package app.nobat.platform.web;

import app.nobat.common.Actor;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The actor of the request being served, on the worker thread that sends its commands. The web
 * layer puts the actor into the Reactor context ({@code Actor.class}); {@link Blocking} moves it here
 * for the blocking work, and a command dispatch interceptor copies it into each command's metadata.
 */
public final class Acting {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private Acting() {}

    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The acting staff member's or device's id, for the `by` of configuration changes; "api" without one. */
    public static String id() {
        return current().map(Actor::id).orElse("api");
    }

    public static <T> T as(Actor actor, Callable<T> work) throws Exception {
        Actor before = CURRENT.get();
        if (actor == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(actor);
        }
        try {
            return work.call();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
