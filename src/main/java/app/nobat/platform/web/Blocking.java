package app.nobat.platform.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * The MongoDB driver and Axon's command bus block; this keeps that work off the event loop.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    public static <R> Mono<R> send(CommandGateway commands, Object command) {
        return Mono.defer(() -> Mono.<R>fromFuture(commands.send(command))).subscribeOn(Schedulers.boundedElastic());
    }
}
