/**
 * Appointments: slots, seats and bookings, one active appointment per identity and service, and
 * the visitor's personal data that a booking needs.
 * <p>
 * {@code domain} holds the event-sourced rules: the day book of one service on one day (exact
 * capacity per slot, check-in, moves, reads that follow every write), the identity guard and the
 * centre's booking calendar, with their messages as records. {@code appointments} runs a booking,
 * move, cancellation or check-in across those aggregates, keeps the code directory and runs the
 * sweeps. {@code calendar} turns slot templates, opening hours and holidays into day plans.
 * {@code privacy} is the one store of personal data (encrypted per visitor) and the identity HMAC.
 * {@code notify} is the notification port and its logging adapter; {@code web} and {@code wiring}
 * expose and configure the rest.
 * <p>
 * {@code booking.domain} must not depend on Spring or storage, nor on {@code centre},
 * {@code floor}, {@code display}, {@code tracking}, {@code privacy}, {@code appointments} or
 * {@code web}: personal data never reaches the aggregates ({@code ArchitectureTest}). The floor
 * does not depend on booking; booking checks visitors in through the floor's own port
 * ({@code floor.web.AppointmentCheckIns}) and reads the floor's board and events.
 */
package app.nobat.booking;
