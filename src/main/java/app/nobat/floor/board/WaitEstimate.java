package app.nobat.floor.board;

/**
 * A wait as the screens show it: a point when the spread is narrow, a range ("15–25 min") when it
 * is wide. {@code minutes} is the forecast's own figure, inside the range.
 *
 * @param known false when no open desk serves the service now: no wait can be promised
 * @param minutes the forecast wait in whole minutes (0: now)
 * @param lowMinutes the range's low end; equal to {@code highMinutes} when a point is shown
 * @param highMinutes the range's high end
 */
public record WaitEstimate(boolean known, int minutes, int lowMinutes, int highMinutes) {

    public static final WaitEstimate NOW = new WaitEstimate(true, 0, 0, 0);
    public static final WaitEstimate NO_DESK = new WaitEstimate(false, 0, 0, 0);

    public boolean isRange() {
        return lowMinutes < highMinutes;
    }
}
