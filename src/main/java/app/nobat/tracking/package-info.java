/**
 * A visitor's own ticket on their phone, reached by an unguessable tracking token: its state now
 * and live over Server-Sent Events, the QR code that leads there, and "I am leaving", which sends
 * the floor's {@code LeaveQueue} command as the visitor (no personal data).
 * <p>
 * It has no sub-packages: {@code TrackingController} serves it and {@code TrackingView} says what
 * the phone shows, which is that one ticket and nothing of anyone else's. It reads the floor's
 * board and live feed ({@code floor.board}) and uses {@code platform.web}; it owns no state.
 * Nothing in a domain or read model may depend on it ({@code ArchitectureTest}).
 */
package app.nobat.tracking;
