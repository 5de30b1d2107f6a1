package app.nobat.reports.domain;

import java.util.Locale;
import java.util.Optional;

/** How a report's rows are cut: by day, service, desk, staff member or hour of the day. */
public enum Grouping {
    DAY,
    SERVICE,
    DESK,
    STAFF,
    HOUR;

    /** The grouping named by its wire name ({@code day}, {@code service}, ...), if any. */
    public static Optional<Grouping> parse(String name) {
        for (Grouping g : values()) {
            if (g.wireName().equals(name)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
