package app.nobat.planning.domain;

/**
 * A service as the staffing advice needs it: its target wait from the centre's catalog, and the
 * service time to assume while the day has served nobody of it yet.
 */
public record ServiceTarget(String serviceCode, int targetWaitMinutes, double defaultServiceMinutes) {

    public ServiceTarget {
        if (targetWaitMinutes < 0 || !(defaultServiceMinutes > 0)) {
            throw new IllegalArgumentException("a target of 0 minutes or more and a default service time above 0");
        }
    }
}
