package app.nobat.floor.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The published queue policy of a centre: score = minutes waited × class weight, plus a boost for
 * appointment holders; at most {@code maxPriorityInRow} priority-class calls in a row at a desk
 * while a regular ticket waits.
 */
public record QueuePolicySettings(Map<PriorityClass, Double> weights, double appointmentBoost, int maxPriorityInRow) {

    public QueuePolicySettings {
        EnumMap<PriorityClass, Double> complete = new EnumMap<>(PriorityClass.class);
        for (PriorityClass c : PriorityClass.values()) {
            complete.put(c, c == PriorityClass.NONE ? 1.0 : 2.0);
        }
        if (weights != null) {
            weights.forEach((k, v) -> {
                if (v == null || v < 1.0 || v > 100.0) {
                    throw new IllegalArgumentException("weight of " + k + " must be between 1 and 100");
                }
                complete.put(k, v);
            });
        }
        if (complete.get(PriorityClass.NONE) != 1.0) {
            throw new IllegalArgumentException("the weight of NONE is the unit and must be 1");
        }
        if (appointmentBoost < 0) {
            throw new IllegalArgumentException("appointment boost must not be negative");
        }
        if (maxPriorityInRow < 1) {
            throw new IllegalArgumentException("maxPriorityInRow must be at least 1");
        }
        weights = Map.copyOf(complete);
    }

    public static QueuePolicySettings defaults() {
        return new QueuePolicySettings(Map.of(PriorityClass.MEDICAL_REFERRAL, 3.0), 30.0, 3);
    }

    public double weightOf(PriorityClass priorityClass) {
        return weights.get(priorityClass);
    }
}
