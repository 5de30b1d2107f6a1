package app.nobat.planning.domain;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What staffing advice refuses: questions outside the model's sensible range (see {@link Refusal}). */
public enum PlanningRefusal implements Refusal {
    INVALID_RATE("invalid-rate", INVALID, "arrivalsPerHour must be a number from 0 to {max}"),
    INVALID_SERVICE_TIME(
            "invalid-service-time", INVALID, "meanServiceMinutes must be a number above 0 and at most {max}"),
    INVALID_TARGET_WAIT("invalid-target-wait", INVALID, "targetWaitMinutes must be a number from 0 to {max}"),
    INVALID_SHARE("invalid-share", INVALID, "share must be a number above 0 and at most 1"),
    LOAD_BEYOND_PLANNING(
            "load-beyond-planning", INVALID, "This load needs more than {max} desks; plan it in smaller parts");

    private final RefusalSpec spec;

    PlanningRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
