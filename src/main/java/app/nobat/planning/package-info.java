/**
 * Staffing advice: how many desks a service needs so that most visitors wait no longer than a
 * target, from queueing theory: on a planner's own numbers, or on what today's floor has shown.
 * <p>
 * {@code domain} holds the M/M/c model (Erlang C), the advice on an observed day and their
 * refusals, plain Java without state; {@code observed} folds a floor's events into what the advice
 * reads; {@code web} answers the planners' and supervisors' questions; {@code simulation} plays
 * whole days through the real floor on a virtual clock (for the benches: waits, estimates, and the
 * agreement with Erlang C), in an in-memory Axon configuration without Spring. The planning domain
 * must not depend on Spring or on any other context but {@code common} ({@code ArchitectureTest}).
 */
package app.nobat.planning;
