/**
 * The queue display of a centre, the TV screen in the waiting hall: a snapshot and a live
 * Server-Sent Event stream of calls, recalls, waiting tickets and desks, resumable with
 * {@code Last-Event-ID}.
 * <p>
 * It has no sub-packages: {@code DisplayController} serves it and {@code DisplayView} says what it
 * shows, which is ticket numbers, desks and services, never a person. It reads the floor's board
 * and live feed ({@code floor.board}) and uses {@code platform.web}; it owns no state. Nothing in a
 * domain or read model may depend on it ({@code ArchitectureTest}).
 */
package app.nobat.display;
