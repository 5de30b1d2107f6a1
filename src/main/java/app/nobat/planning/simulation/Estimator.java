package app.nobat.planning.simulation;

import app.nobat.floor.board.FloorBoard;
import java.time.Instant;

/**
 * A way of telling a waiting visitor how long until their call, from the floor's board alone (what
 * the screens have). The simulator asks every estimator at the same instants of the same day, so
 * that one run scores them all on the same visits.
 */
public interface Estimator {

    /** A short name for the report's columns. */
    String name();

    /** What a screen would show now for a visit that is waiting on the board. */
    Shown shownAt(FloorBoard board, String visitId, Instant now);

    /**
     * An estimate in minutes: a point, and the range shown around it (both ends equal to the point
     * when a single number is shown); or none, when the screen promises no wait ({@link #NONE}).
     */
    record Shown(boolean known, double point, double low, double high) {

        /** No estimate shown: no desk serves the visit's service now. */
        public static final Shown NONE = new Shown(false, 0, 0, 0);

        public Shown {
            if (!(low <= point && point <= high)) {
                throw new IllegalArgumentException("a range holds its point: " + low + " ≤ " + point + " ≤ " + high);
            }
        }

        public static Shown exactly(double minutes) {
            return new Shown(true, minutes, minutes, minutes);
        }

        public static Shown range(double point, double low, double high) {
            return new Shown(true, point, low, high);
        }

        /**
         * Whether an actual wait falls inside the range shown, read in whole minutes as a screen shows
         * them: "12 min" holds waits from 11.5 to 12.5 minutes, "15–25 min" those from 14.5 to 25.5.
         * No estimate holds nothing.
         */
        public boolean holds(double actualMinutes) {
            return known && actualMinutes >= low - 0.5 && actualMinutes < high + 0.5;
        }
    }
}
