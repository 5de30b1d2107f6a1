package app.nobat.floor.domain;

import app.nobat.common.InvalidInput;

import java.util.EnumMap;
import java.util.Map;

/**
 * The published queue policy of a centre: score = minutes waited × class weight, plus a boost for
 * appointment holders; at most {@code maxPriorityInRow} priority-class calls in a row at a desk
 * while a regular ticket waits.
 */
public record QueuePolicySettings(Map<PriorityClass, Double> weights, double appointmentBoost, int maxPriorityInRow) {

    public static final double MAX_WEIGHT = 100.0;
    /** A day's worth of waited minutes: a larger boost puts every appointment first forever anyway. */
    public static final double MAX_APPOINTMENT_BOOST = 24 * 60;
    public static final int MAX_PRIORITY_IN_ROW = 100;

    public QueuePolicySettings {
        EnumMap<PriorityClass, Double> complete = new EnumMap<>(PriorityClass.class);
        for (PriorityClass c : PriorityClass.values()) {
            complete.put(c, c == PriorityClass.NONE ? 1.0 : 2.0);
        }
        if (weights != null) {
            weights.forEach((k, v) -> {
                if (k == null) {
                    throw InvalidInput.required("/weights", "a weight names its priority class");
                }
                if (v == null || !Double.isFinite(v) || v < 1.0 || v > MAX_WEIGHT) {
                    throw InvalidInput.outOfRange("/weights/" + k, "weight of " + k + " must be between 1 and "
                            + MAX_WEIGHT);
                }
                complete.put(k, v);
            });
        }
        if (complete.get(PriorityClass.NONE) != 1.0) {
            throw InvalidInput.outOfRange("/weights/NONE", "the weight of NONE is the unit and must be 1");
        }
        if (appointmentBoost < 0) {
            throw InvalidInput.outOfRange("/appointmentBoost", "appointment boost must not be negative");
        }
        if (maxPriorityInRow < 1) {
            throw InvalidInput.outOfRange("/maxPriorityInRow", "maxPriorityInRow must be at least 1");
        }
        weights = Map.copyOf(complete);
    }

    /**
     * The bounds a changed policy must keep. Not checked while an event is read, so that a policy
     * recorded before these bounds existed still replays.
     *
     * @param at the JSON pointer of the policy within the request, prefixed to the refused field's
     * @throws InvalidInput naming the field out of range
     */
    public void validate(String at) {
        if (!Double.isFinite(appointmentBoost) || appointmentBoost > MAX_APPOINTMENT_BOOST) {
            throw InvalidInput.outOfRange(at + "/appointmentBoost",
                    "appointmentBoost must be a number of minutes between 0 and " + MAX_APPOINTMENT_BOOST);
        }
        if (maxPriorityInRow > MAX_PRIORITY_IN_ROW) {
            throw InvalidInput.outOfRange(at + "/maxPriorityInRow",
                    "maxPriorityInRow must be between 1 and " + MAX_PRIORITY_IN_ROW);
        }
    }

    public static QueuePolicySettings defaults() {
        return new QueuePolicySettings(Map.of(PriorityClass.MEDICAL_REFERRAL, 3.0), 30.0, 3);
    }

    public double weightOf(PriorityClass priorityClass) {
        return weights.get(priorityClass);
    }
}
