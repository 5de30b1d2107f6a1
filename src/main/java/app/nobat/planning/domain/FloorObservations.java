package app.nobat.planning.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one floor's day has shown so far, in the planning domain's own terms: when visitors joined
 * each service's queue, how long each finished service took, and when each desk served which
 * services. Read from the floor's events by {@code planning.observed}; nothing here knows the floor.
 *
 * @param opened when the floor started (its first event), or null when nothing has happened today
 * @param entries every joining of a queue: an arrival, or a transfer into that service
 * @param spans every service that ended (completed, or transferred on), with the service it was
 * @param spells every stretch of time a desk was open and not paused, with the services it offered;
 *     {@code until} is null while it still serves
 */
public record FloorObservations(
        Instant opened, List<QueueEntry> entries, List<ServiceSpan> spans, List<DeskSpell> spells) {

    public FloorObservations {
        entries = List.copyOf(entries);
        spans = List.copyOf(spans);
        spells = List.copyOf(spells);
    }

    /** A floor on which nothing has happened yet. */
    public static FloorObservations none() {
        return new FloorObservations(null, List.of(), List.of(), List.of());
    }

    /** A visitor joined {@code serviceCode}'s queue at {@code at}. */
    public record QueueEntry(String serviceCode, Instant at) {}

    /** A desk served a visitor of {@code serviceCode} from {@code startedAt} to {@code endedAt}. */
    public record ServiceSpan(String serviceCode, Instant startedAt, Instant endedAt) {

        double minutes() {
            return Math.max(0, endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 60_000.0;
        }
    }

    /** {@code deskId} was open for {@code serviceCodes} from {@code from} until {@code until} (null: still). */
    public record DeskSpell(String deskId, Set<String> serviceCodes, Instant from, Instant until) {

        public DeskSpell {
            serviceCodes = Collections.unmodifiableSortedSet(new TreeSet<>(serviceCodes));
        }

        boolean openAt(Instant at) {
            return !from.isAfter(at) && (until == null || until.isAfter(at));
        }

        /** Milliseconds of this spell inside [start, end). */
        long overlapMillis(Instant start, Instant end) {
            Instant a = from.isAfter(start) ? from : start;
            Instant b = until == null || until.isAfter(end) ? end : until;
            return Math.max(0, b.toEpochMilli() - a.toEpochMilli());
        }
    }
}
