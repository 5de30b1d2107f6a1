package app.nobat.floor.domain;

import app.nobat.common.CommonRefusal;
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
                    throw CommonRefusal.REQUIRED.at("/weights", "member", "priorityClass");
                }
                if (v == null || !Double.isFinite(v) || v < 1.0 || v > MAX_WEIGHT) {
                    throw CommonRefusal.OUT_OF_BOUNDS.at(
                            "/weights/" + k, "member", "weights." + k, "min", 1, "max", (int) MAX_WEIGHT);
                }
                complete.put(k, v);
            });
        }
        if (complete.get(PriorityClass.NONE) != 1.0) {
            throw FloorRefusal.NONE_WEIGHT.at("/weights/NONE");
        }
        if (appointmentBoost < 0) {
            throw CommonRefusal.OUT_OF_BOUNDS.at(
                    "/appointmentBoost", "member", "appointmentBoost", "min", 0, "max", (int) MAX_APPOINTMENT_BOOST);
        }
        if (maxPriorityInRow < 1) {
            throw CommonRefusal.OUT_OF_BOUNDS.at(
                    "/maxPriorityInRow", "member", "maxPriorityInRow", "min", 1, "max", MAX_PRIORITY_IN_ROW);
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
            throw CommonRefusal.OUT_OF_BOUNDS.at(
                    at + "/appointmentBoost", "member", "appointmentBoost", "min", 0, "max", (int)
                            MAX_APPOINTMENT_BOOST);
        }
        if (maxPriorityInRow > MAX_PRIORITY_IN_ROW) {
            throw CommonRefusal.OUT_OF_BOUNDS.at(
                    at + "/maxPriorityInRow", "member", "maxPriorityInRow", "min", 1, "max", MAX_PRIORITY_IN_ROW);
        }
    }

    public static QueuePolicySettings defaults() {
        return new QueuePolicySettings(Map.of(PriorityClass.MEDICAL_REFERRAL, 3.0), 30.0, 3);
    }

    public double weightOf(PriorityClass priorityClass) {
        return weights.get(priorityClass);
    }
}
