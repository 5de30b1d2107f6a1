/**
 * The floor of a centre on one day: arrivals, tickets, desks, calls, service, transfers, no-shows
 * and the end of the day.
 * <p>
 * {@code domain} holds the {@code Floor} aggregate, a single writer per centre and day that keeps
 * ticket numbers gap-free and calls exclusive, its commands and events as records, and the queue
 * policy that records why each ticket was called. {@code board} is the read model of a floor, its
 * projections, the live feed every node keeps for its screens, and the shared queries.
 * {@code closing} closes floors at closing time and carries visits over. {@code web} serves the
 * arrival, desk and visit endpoints and declares the check-in port that booking implements;
 * {@code wiring} configures the aggregate and reads a centre's settings from its aggregate.
 * <p>
 * The floor must not depend on {@code booking}. {@code floor.domain} must not depend on Spring,
 * storage, {@code centre}, {@code display}, {@code tracking}, the board or the web layer, and the
 * board must not reach into any web layer ({@code ArchitectureTest}).
 */
package app.nobat.floor;
