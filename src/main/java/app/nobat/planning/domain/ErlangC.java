package app.nobat.planning.domain;

/**
 * The Erlang C formula: the probability that a visitor of an M/M/c queue (random arrivals,
 * exponential service times, {@code desks} desks serving one shared line) has to wait at all.
 */
public final class ErlangC {

    private ErlangC() {}

    /**
     * Erlang B, the share of visitors a loss system of {@code desks} desks would turn away, by the
     * recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)): it never forms a! or a^c, which overflow
     * long before a centre runs out of desks.
     */
    static double erlangB(int desks, double offeredLoad) {
        double blocking = 1;
        for (int k = 1; k <= desks; k++) {
            blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
        }
        return blocking;
    }

    /**
     * P(W &gt; 0) = B / (1 − ρ(1 − B)) with ρ = a / c. At or above full utilisation the line grows
     * without end and everyone waits: 1, not the formula's meaningless value there.
     */
    public static double probabilityOfWaiting(int desks, double offeredLoad) {
        if (desks < 1 || offeredLoad < 0) {
            throw new IllegalArgumentException("an M/M/c queue has at least one desk and a load of 0 or more");
        }
        double utilisation = offeredLoad / desks;
        if (utilisation >= 1) {
            return 1;
        }
        double blocking = erlangB(desks, offeredLoad);
        return blocking / (1 - utilisation * (1 - blocking));
    }
}
