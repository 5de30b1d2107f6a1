package app.nobat.platform.axon;

import app.nobat.common.Actor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Lets a handler take the {@link Actor} who caused its message as a parameter, read from the
 * message's metadata ({@link Actor#ID_KEY}, {@link Actor#ROLE_KEY}); null when the system acted.
 * Registered in {@code META-INF/services}, so the Spring application and the aggregate test
 * fixtures both find it on the classpath.
 */
public class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        return parameters[parameterIndex].getType() == Actor.class ? new ActorResolver() : null;
    }

    private static final class ActorResolver implements ParameterResolver<Actor> {

        @Override
        public Actor resolveParameterValue(Message<?> message) {
            return Actor.fromMetaData(text(message, Actor.ID_KEY), text(message, Actor.ROLE_KEY));
        }

        @Override
        public boolean matches(Message<?> message) {
            // every message has an actor or none; a handler never loses its message for the lack of one
            return true;
        }

        private static String text(Message<?> message, String key) {
            Object value = message.getMetaData().get(key);
            return value == null ? null : value.toString();
        }
    }
}
