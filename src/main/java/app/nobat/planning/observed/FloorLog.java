package app.nobat.planning.observed;

import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.*;
import app.nobat.planning.domain.FloorObservations;
import app.nobat.planning.domain.FloorObservations.DeskSpell;
import app.nobat.planning.domain.FloorObservations.QueueEntry;
import app.nobat.planning.domain.FloorObservations.ServiceSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One floor's events folded into what staffing advice reads ({@link FloorObservations}): each
 * arrival and transfer into a queue, each service from its start to its completion or transfer,
 * each stretch a desk was open and not paused. Not thread-safe: {@link ObservedFloors} feeds it
 * one request at a time.
 */
final class FloorLog {

    private final String floorId;
    private long nextSequence;
    private Instant opened;
    private final List<QueueEntry> entries = new ArrayList<>();
    private final List<ServiceSpan> spans = new ArrayList<>();
    private final List<DeskSpell> ended = new ArrayList<>();
    /** The spell each open desk is in now. */
    private final Map<String, DeskSpell> open = new LinkedHashMap<>();
    /** The services a paused desk offers when it resumes. */
    private final Map<String, Set<String>> paused = new HashMap<>();
    /** The service each visit waits for or is served in now. */
    private final Map<String, String> serviceOf = new HashMap<>();
    /** When each visit's service began, while it lasts. */
    private final Map<String, Instant> startedAt = new HashMap<>();

    FloorLog(String floorId) {
        this.floorId = floorId;
    }

    String floorId() {
        return floorId;
    }

    /** The sequence number of the next event this log has not seen. */
    long nextSequence() {
        return nextSequence;
    }

    /** Applies the floor's event of this sequence number; one already seen is ignored. */
    void apply(FloorEvent event, long sequence) {
        if (sequence < nextSequence) {
            return;
        }
        nextSequence = sequence + 1;
        if (event instanceof FloorStarted e) {
            opened = e.at();
        } else if (event instanceof VisitArrived e) {
            entries.add(new QueueEntry(e.serviceCode(), e.at()));
            serviceOf.put(e.visitId(), e.serviceCode());
        } else if (event instanceof VisitTransferred e) {
            endService(e.visitId(), e.at());
            entries.add(new QueueEntry(e.toServiceCode(), e.at()));
            serviceOf.put(e.visitId(), e.toServiceCode());
        } else if (event instanceof ServiceStarted e) {
            startedAt.put(e.visitId(), e.at());
        } else if (event instanceof VisitCompleted e) {
            endService(e.visitId(), e.at());
            serviceOf.remove(e.visitId());
        } else if (event instanceof VisitReturnedToQueue e) {
            startedAt.remove(e.visitId());
        } else if (event instanceof VisitMarkedNoShow e) {
            forget(e.visitId());
        } else if (event instanceof VisitCancelled e) {
            forget(e.visitId()); // given up: not a service a desk finished
        } else if (event instanceof DeskOpened e) {
            endSpell(e.deskId(), e.at());
            paused.remove(e.deskId());
            open.put(e.deskId(), new DeskSpell(e.deskId(), e.serviceCodes(), e.at(), null));
        } else if (event instanceof DeskPaused e) {
            DeskSpell spell = open.get(e.deskId());
            if (spell != null) {
                paused.put(e.deskId(), spell.serviceCodes());
            }
            endSpell(e.deskId(), e.at());
        } else if (event instanceof DeskResumed e) {
            Set<String> services = paused.remove(e.deskId());
            if (services != null && !open.containsKey(e.deskId())) {
                open.put(e.deskId(), new DeskSpell(e.deskId(), services, e.at(), null));
            }
        } else if (event instanceof DeskClosed e) {
            endSpell(e.deskId(), e.at());
            paused.remove(e.deskId());
        } else if (event instanceof FloorClosed e) {
            List.copyOf(open.keySet()).forEach(desk -> endSpell(desk, e.at()));
            paused.clear();
            e.closures().forEach(c -> forget(c.visitId()));
        }
        // calls and recalls change no load, service time or desk
    }

    /** What the day has shown up to the last event applied. */
    FloorObservations observations() {
        List<DeskSpell> spells = new ArrayList<>(ended);
        spells.addAll(open.values());
        return new FloorObservations(opened, entries, spans, spells);
    }

    private void endService(String visitId, Instant at) {
        Instant started = startedAt.remove(visitId);
        String service = serviceOf.get(visitId);
        if (started != null && service != null) {
            spans.add(new ServiceSpan(service, started, at));
        }
    }

    private void forget(String visitId) {
        startedAt.remove(visitId);
        serviceOf.remove(visitId);
    }

    private void endSpell(String deskId, Instant at) {
        DeskSpell spell = open.remove(deskId);
        if (spell != null) {
            ended.add(new DeskSpell(spell.deskId(), spell.serviceCodes(), spell.from(), at));
        }
    }
}
