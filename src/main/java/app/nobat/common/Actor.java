package app.nobat.common;

/**
 * Who caused a command: a signed-in staff member or a device, by id and role. It travels as message
 * metadata ({@link #ID_KEY}, {@link #ROLE_KEY}) from the request into every event the command causes.
 * Handlers take it as a parameter (resolved by {@code platform.axon.ActorParameterResolverFactory}).
 * Scheduled work (sweeps, closing, seeding) has no actor.
 */
public record Actor(String id, String role) {

    public static final String ID_KEY = "actor";
    public static final String ROLE_KEY = "actorRole";

    /** The staff role that may act only at a desk its holder opened. */
    public static final String DESK_ROLE = "DESK";

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor has an id");
        }
    }

    /** The actor named by a message's metadata values, or null when the system acted. */
    public static Actor fromMetaData(String id, String role) {
        return id == null || id.isBlank() ? null : new Actor(id, role);
    }

    /** Desk staff act only at the desk they opened; supervisors and administrators anywhere. */
    public boolean actsOnlyAtOwnDesk() {
        return DESK_ROLE.equals(role);
    }
}
