/**
 * Staffing advice for planners: how many desks a service needs so that most visitors wait no
 * longer than a target, from queueing theory rather than from the day's events.
 * <p>
 * {@code domain} holds the M/M/c model (Erlang C) and its refusals, plain Java without state;
 * {@code web} answers the planners' questions. The planning domain must not depend on Spring or on
 * any other context but {@code common} ({@code ArchitectureTest}).
 */
package app.nobat.planning;
