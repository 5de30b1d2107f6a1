package app.nobat.booking.domain;

import app.nobat.common.RuleViolation;
import java.time.Instant;
import java.util.Map;

/**
 * The identity already holds an appointment for the service. Carries the holder so that the
 * application can check whether that appointment is still alive; the visitor is told only the rule.
 */
public class IdentityHeld extends RuleViolation {

    private final String heldBy;
    private final String dayBookId;
    private final Instant since;

    public IdentityHeld(String heldBy, String dayBookId, Instant since) {
        super(BookingRefusal.IDENTITY_HAS_APPOINTMENT, Map.of());
        this.heldBy = heldBy;
        this.dayBookId = dayBookId;
        this.since = since;
    }

    public String heldBy() {
        return heldBy;
    }

    public String dayBookId() {
        return dayBookId;
    }

    public Instant since() {
        return since;
    }
}
