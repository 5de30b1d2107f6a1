package app.nobat.floor.history;

import app.nobat.common.Actor;
import app.nobat.floor.board.FloorBoard;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import app.nobat.floor.domain.FloorEvent.TicketCalled;
import app.nobat.floor.domain.FloorEvent.TicketCalledOutOfTurn;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.FloorEvent.VisitCancelled;
import app.nobat.floor.domain.FloorEvent.VisitReturnedToQueue;
import app.nobat.floor.domain.FloorEvent.VisitTransferred;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.OutOfTurnReason;
import app.nobat.floor.domain.PriorityClass;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A floor's day as its events tell it (docs/design.md, hard rule 5): the board at any instant,
 * folded afresh from the floor aggregate's own stream (never from a stored read model), and why a
 * visit waited while others were called.
 */
public class FloorHistory {

    /** The days read lately: a playback asks for the same day at step after step. */
    private static final int DAYS_KEPT = 4;

    private final EventStore events;
    private final Map<String, List<Recorded>> days = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Recorded>> eldest) {
            return size() > DAYS_KEPT;
        }
    };

    public FloorHistory(EventStore events) {
        this.events = events;
    }

    /** One stored event of a floor with its sequence and who caused it (null for the system). */
    public record Recorded(
            long sequence, FloorEvent event, @Nullable String actor) {}

    /**
     * Every event of a floor's day in the order it was stored; empty when nothing happened on it.
     * A day read lately is read on from its last event only (a past day's stream no longer grows,
     * today's does). Blocking.
     */
    public List<Recorded> day(FloorId floor) {
        String floorId = floor.toString();
        List<Recorded> known;
        synchronized (days) {
            known = days.getOrDefault(floorId, List.of());
        }
        long next = known.isEmpty() ? 0 : known.get(known.size() - 1).sequence() + 1;
        List<Recorded> fresh = read(floorId, next);
        if (fresh.isEmpty()) {
            return known;
        }
        List<Recorded> day = new ArrayList<>(known.size() + fresh.size());
        day.addAll(known);
        day.addAll(fresh);
        List<Recorded> result = List.copyOf(day);
        synchronized (days) {
            days.put(floorId, result);
        }
        return result;
    }

    private List<Recorded> read(String floorId, long from) {
        // on the storage engine itself, from the first event: a snapshot of the aggregate is no record of the day
        DomainEventStream stream = events.readEvents(floorId, from);
        List<Recorded> day = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof FloorEvent event) {
                Object actor = message.getMetaData().get(Actor.ID_KEY);
                day.add(new Recorded(message.getSequenceNumber(), event, actor == null ? null : actor.toString()));
            }
        }
        return day;
    }

    /**
     * The board as it stood at {@code at}: every event up to it folded into a fresh board, in the
     * order stored (the first event stamped after {@code at} ends the fold).
     */
    public static FloorBoard boardAt(List<Recorded> day, Instant at) {
        FloorBoard board = new FloorBoard();
        for (Recorded recorded : day) {
            if (recorded.event().at().isAfter(at)) {
                break;
            }
            board.apply(recorded.event(), recorded.sequence(), recorded.actor());
        }
        return board;
    }

    /** How many of the day's events {@link #boardAt} folds for {@code at}. */
    public static int eventsUpTo(List<Recorded> day, Instant at) {
        int count = 0;
        for (Recorded recorded : day) {
            if (recorded.event().at().isAfter(at)) {
                break;
            }
            count++;
        }
        return count;
    }

    /** The distinct instants of the day's events, in order: the steps of a playback. */
    public static List<Instant> instants(List<Recorded> day) {
        List<Instant> instants = new ArrayList<>();
        for (Recorded recorded : day) {
            Instant at = recorded.event().at();
            if (instants.isEmpty() || at.isAfter(instants.get(instants.size() - 1))) {
                instants.add(at);
            }
        }
        return instants;
    }

    /**
     * A call made on the floor while the explained visit waited.
     *
     * @param sameService whether the call was of the service the visit was waiting for
     * @param reason the policy's stored reason, for a call by the policy
     * @param outOfTurn the desk's stored reason, for a ticket called by name
     */
    public record CallWhileWaiting(
            Instant at,
            String ticket,
            String serviceCode,
            String deskId,
            boolean sameService,
            @Nullable CallReason reason,
            @Nullable OutOfTurnReason outOfTurn) {}

    /** One of the visit's own calls, which ended a wait of it. */
    public record OwnCall(
            Instant at,
            String ticket,
            String serviceCode,
            String deskId,
            @Nullable CallReason reason,
            @Nullable OutOfTurnReason outOfTurn) {}

    /**
     * Why a visit waited: every ticket called while it was waiting (from its arrival to its call,
     * and again after a return to the queue or a transfer), with the reason stored on each call.
     */
    public record Explanation(
            String visitId,
            String ticket,
            String serviceCode,
            PriorityClass priorityClass,
            Instant arrivedAt,
            List<OwnCall> ownCalls,
            List<CallWhileWaiting> callsWhileWaiting) {}

    /**
     * The explanation of the day's visit holding {@code ticket} (its ticket at arrival or after a
     * transfer; the latest such visit when a number came back), or empty when none held it.
     */
    public static Optional<Explanation> explain(List<Recorded> day, String ticket) {
        String visitId = null;
        for (Recorded recorded : day) {
            if (recorded.event() instanceof VisitArrived e && e.ticket().equals(ticket)) {
                visitId = e.visitId();
            } else if (recorded.event() instanceof VisitTransferred e
                    && e.ticket().equals(ticket)) {
                visitId = e.visitId();
            }
        }
        return visitId == null ? Optional.empty() : Optional.of(explainVisit(day, visitId));
    }

    private static Explanation explainVisit(List<Recorded> day, String visitId) {
        VisitArrived arrival = null;
        String waitingFor = null;
        List<OwnCall> own = new ArrayList<>();
        List<CallWhileWaiting> others = new ArrayList<>();
        for (Recorded recorded : day) {
            FloorEvent event = recorded.event();
            if (event instanceof VisitArrived e && e.visitId().equals(visitId)) {
                arrival = e;
                waitingFor = e.serviceCode();
            } else if (event instanceof VisitReturnedToQueue e && e.visitId().equals(visitId)) {
                waitingFor = e.serviceCode();
            } else if (event instanceof VisitTransferred e && e.visitId().equals(visitId)) {
                waitingFor = e.toServiceCode();
            } else if (event instanceof TicketCalled e) {
                if (e.visitId().equals(visitId)) {
                    own.add(new OwnCall(e.at(), e.ticket(), e.serviceCode(), e.deskId(), e.reason(), null));
                    waitingFor = null;
                } else if (waitingFor != null) {
                    others.add(new CallWhileWaiting(
                            e.at(),
                            e.ticket(),
                            e.serviceCode(),
                            e.deskId(),
                            e.serviceCode().equals(waitingFor),
                            e.reason(),
                            null));
                }
            } else if (event instanceof TicketCalledOutOfTurn e) {
                if (e.visitId().equals(visitId)) {
                    own.add(new OwnCall(e.at(), e.ticket(), e.serviceCode(), e.deskId(), null, e.reason()));
                    waitingFor = null;
                } else if (waitingFor != null) {
                    others.add(new CallWhileWaiting(
                            e.at(),
                            e.ticket(),
                            e.serviceCode(),
                            e.deskId(),
                            e.serviceCode().equals(waitingFor),
                            null,
                            e.reason()));
                }
            } else if (event instanceof VisitCancelled e && e.visitId().equals(visitId)) {
                waitingFor = null;
            } else if (event instanceof FloorClosed) {
                waitingFor = null;
            }
        }
        if (arrival == null) {
            throw new IllegalStateException("Visit " + visitId + " has no arrival on its floor");
        }
        return new Explanation(
                visitId,
                arrival.ticket(),
                arrival.serviceCode(),
                arrival.priorityClass(),
                arrival.arrivedAt(),
                own,
                others);
    }
}
