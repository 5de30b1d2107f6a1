package app.nobat.planning.domain;

/**
 * The fewest desks that meet a {@link StaffingQuestion}'s target, with what visitors can expect at
 * that many desks: the chance of waiting at all, the mean wait over all visitors (those served at
 * once count as 0) and the share served within the target.
 */
public record StaffingAnswer(
        int desksNeeded,
        double offeredLoad,
        double utilisation,
        double probabilityOfWaiting,
        double meanWaitMinutes,
        double shareWithinTarget) {}
