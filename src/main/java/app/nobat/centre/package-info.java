/**
 * A centre's configuration: its services, desks, opening hours, queue policy and end-of-day rule.
 * <p>
 * {@code domain} holds the event-sourced {@code Centre}; every change records a whole new
 * {@code CentreProfile} with the staff member who made it, so the configuration is audited by its
 * events. {@code catalog} is the read model of every centre's current profile, which the other
 * contexts read. {@code seed} defines centres from the YAML files at start-up, and {@code web}
 * lists centres and lets administrators define them.
 * <p>
 * The profile reuses the floor's queue policy settings and end-of-day rule
 * ({@code floor.domain}); apart from that, the centre does not depend on other contexts. Its
 * domain stays free of Spring and storage, and the catalog does not reach into any web layer
 * ({@code ArchitectureTest}).
 */
package app.nobat.centre;
