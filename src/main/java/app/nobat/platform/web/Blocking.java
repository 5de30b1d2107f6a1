package app.nobat.platform.web;

import app.nobat.common.Actor;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The MongoDB driver and Axon's command bus block; this keeps that work off the event loop. The
 * request's actor (from the Reactor context) goes along, so every command sent carries it.
 */
public final class Blocking {

    private Blocking() {}

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.deferContextual(context -> {
                    Actor actor = context.getOrDefault(Actor.class, null);
                    return Mono.fromCallable(() -> Acting.as(actor, work));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    public static <R> Mono<R> send(CommandGateway commands, Object command) {
        // dispatched on the worker thread, where the gateway's interceptor reads the actor
        return call(() -> commands.<R>send(command)).flatMap(Mono::fromFuture);
    }
}
