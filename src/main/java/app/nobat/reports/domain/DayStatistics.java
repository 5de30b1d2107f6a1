package app.nobat.reports.domain;

import app.nobat.booking.domain.DayBookEvent;
import app.nobat.booking.domain.DayBookId;
import app.nobat.floor.domain.FloorEvent;
import app.nobat.floor.domain.FloorEvent.DeskOpened;
import app.nobat.floor.domain.FloorEvent.FloorClosed;
import app.nobat.floor.domain.FloorEvent.FloorStarted;
import app.nobat.floor.domain.FloorEvent.ServiceStarted;
import app.nobat.floor.domain.FloorEvent.TicketCalled;
import app.nobat.floor.domain.FloorEvent.TicketCalledOutOfTurn;
import app.nobat.floor.domain.FloorEvent.TicketRecalled;
import app.nobat.floor.domain.FloorEvent.VisitArrived;
import app.nobat.floor.domain.FloorEvent.VisitCancelled;
import app.nobat.floor.domain.FloorEvent.VisitClosure;
import app.nobat.floor.domain.FloorEvent.VisitCompleted;
import app.nobat.floor.domain.FloorEvent.VisitMarkedNoShow;
import app.nobat.floor.domain.FloorEvent.VisitReturnedToQueue;
import app.nobat.floor.domain.FloorEvent.VisitTransferred;
import app.nobat.floor.domain.FloorId;
import app.nobat.floor.domain.VisitStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The statistics of one centre on one day, folded from that day's floor events and its day books'
 * events. Each source is applied in its own order and at most once: the last sequence number of
 * every aggregate is kept, so an event seen again after a crash or a reset is skipped.
 * <p>
 * Each figure falls in the rows its event concerns: the day's, the service's, the desk's and its
 * staff member's (desk events only), and the hour's of the event in the centre's time zone (an
 * arrival at its arrival, a wait at its call, a service time at its end). Appointment figures fall
 * in the day's and the service's rows only (a booking is made days before). The visits still open
 * are kept by their random ids so that a wait or a service time can be measured; nothing else about
 * a visitor is kept.
 */
public final class DayStatistics {

    public String centreId;
    public String day;
    /** The floor's time zone; UTC until the floor has started. */
    public String timeZone = "UTC";
    /** The last applied sequence number of each aggregate (the floor, the day books). */
    public Map<String, Long> lastSequences = new TreeMap<>();
    /** Rows by grouping's wire name, then by the row's key. */
    public Map<String, Map<String, Tally>> groups = new TreeMap<>();
    /** Visits still open, by visit id. */
    public Map<String, OpenVisit> open = new TreeMap<>();
    /** The staff member at each open desk. */
    public Map<String, String> deskStaff = new TreeMap<>();

    /** What is kept of an open visit while it lasts. Instants as epoch seconds. */
    public static final class OpenVisit {
        public String service;
        public long queuedAt;
        public boolean waitCounted;
        public String deskId;
        public Long startedAt;
    }

    public DayStatistics() {}

    public DayStatistics(String centreId, String day) {
        this.centreId = centreId;
        this.day = day;
    }

    /** The id of a centre-day's record. */
    public static String id(String centreId, String day) {
        return centreId + ":" + day;
    }

    public String id() {
        return id(centreId, day);
    }

    /** The centre-day a floor event belongs to. */
    public static String idOf(FloorEvent event) {
        FloorId floor = FloorId.parse(event.floorId());
        return id(floor.centreId(), floor.day().toString());
    }

    /** The centre-day a day-book event belongs to. */
    public static String idOf(DayBookEvent event) {
        DayBookId book = DayBookId.parse(event.dayBookId());
        return id(book.centreId(), book.date().toString());
    }

    /**
     * Applies a floor event with its sequence number in the floor, and the actor who caused it;
     * false when it was applied before.
     */
    public boolean apply(FloorEvent event, long sequence, String actor) {
        if (!claim(event.floorId(), sequence)) {
            return false;
        }
        if (event instanceof FloorStarted e) {
            timeZone = e.settings().timeZone();
        } else if (event instanceof DeskOpened e) {
            deskStaff.put(e.deskId(), e.staffId() != null ? e.staffId() : actorOr(actor));
        } else if (event instanceof VisitArrived e) {
            arrived(e);
        } else if (event instanceof TicketCalled e) {
            called(e.visitId(), e.deskId(), e.at(), false, actor);
        } else if (event instanceof TicketCalledOutOfTurn e) {
            called(e.visitId(), e.deskId(), e.at(), true, actor);
        } else if (event instanceof TicketRecalled e) {
            desk(e.visitId(), e.deskId(), e.at(), actor, t -> t.recalls++);
        } else if (event instanceof VisitReturnedToQueue e) {
            desk(e.visitId(), e.deskId(), null, actor, t -> t.returnedToQueue++);
            OpenVisit v = open.get(e.visitId());
            if (v != null) {
                v.deskId = null;
            }
        } else if (event instanceof ServiceStarted e) {
            OpenVisit v = open.get(e.visitId());
            if (v != null) {
                v.startedAt = e.at().getEpochSecond();
            }
        } else if (event instanceof VisitCompleted e) {
            ended(e.visitId(), e.deskId(), e.at(), actor, t -> t.served++);
            open.remove(e.visitId());
        } else if (event instanceof VisitTransferred e) {
            transferred(e, actor);
        } else if (event instanceof VisitMarkedNoShow e) {
            desk(e.visitId(), e.deskId(), e.at(), actor, t -> t.noShows++);
            open.remove(e.visitId());
        } else if (event instanceof VisitCancelled e) {
            desk(e.visitId(), e.deskId(), e.at(), actor, t -> t.cancelled++);
            open.remove(e.visitId());
        } else if (event instanceof FloorClosed e) {
            closed(e);
        }
        // desks pausing, resuming and closing change no figure
        return true;
    }

    /** Applies a day-book event with its sequence number in the day book; false when applied before. */
    public boolean apply(DayBookEvent event, long sequence) {
        if (!claim(event.dayBookId(), sequence)) {
            return false;
        }
        String service = DayBookId.parse(event.dayBookId()).serviceCode();
        Consumer<Tally> change = null;
        if (event instanceof DayBookEvent.AppointmentBooked) {
            change = t -> t.appointmentsBooked++;
        } else if (event instanceof DayBookEvent.AppointmentCancelled) {
            change = t -> t.appointmentsCancelled++;
        } else if (event instanceof DayBookEvent.AppointmentMovedOut) {
            change = t -> t.appointmentsMovedOut++;
        } else if (event instanceof DayBookEvent.AppointmentCheckedIn) {
            change = t -> t.appointmentsCheckedIn++;
        } else if (event instanceof DayBookEvent.AppointmentMissed) {
            change = t -> t.appointmentsMissed++;
        }
        // moves within the day, reminders and abandoned codes change no figure
        if (change != null) {
            change.accept(row(Grouping.DAY, day));
            change.accept(row(Grouping.SERVICE, service));
        }
        return true;
    }

    /** The rows of one grouping, by key. */
    public Map<String, Tally> rows(Grouping grouping) {
        return groups.getOrDefault(grouping.wireName(), Map.of());
    }

    private boolean claim(String aggregateId, long sequence) {
        Long last = lastSequences.get(aggregateId);
        if (last != null && sequence <= last) {
            return false;
        }
        lastSequences.put(aggregateId, sequence);
        return true;
    }

    private void arrived(VisitArrived e) {
        OpenVisit v = new OpenVisit();
        v.service = e.serviceCode();
        boolean carried = e.carriedOverFrom() != null;
        // a carried-over visit keeps its first day's arrival; its wait here starts with this day's queue
        v.queuedAt = (carried || e.arrivedAt() == null ? e.at() : e.arrivedAt()).getEpochSecond();
        open.put(e.visitId(), v);
        Consumer<Tally> count = t -> {
            if (carried) {
                t.carriedIn++;
            } else {
                if (e.appointmentRef() != null) {
                    t.appointmentArrivals++;
                } else {
                    t.walkIns++;
                }
                t.priorityClasses.merge(e.priorityClass().name(), 1, Integer::sum);
            }
        };
        count.accept(row(Grouping.DAY, day));
        count.accept(row(Grouping.SERVICE, e.serviceCode()));
        count.accept(row(Grouping.HOUR, hour(e.at())));
    }

    private void called(String visitId, String deskId, Instant at, boolean outOfTurn, String actor) {
        OpenVisit v = open.get(visitId);
        if (v == null) {
            return;
        }
        v.deskId = deskId;
        Integer wait = null;
        if (!v.waitCounted) {
            wait = (int) Math.max(0, at.getEpochSecond() - v.queuedAt);
            v.waitCounted = true;
        }
        Integer counted = wait;
        desk(visitId, deskId, at, actor, t -> {
            t.called++;
            if (outOfTurn) {
                t.calledOutOfTurn++;
            }
            if (counted != null) {
                t.waitSeconds.computeIfAbsent(v.service, s -> new ArrayList<>()).add(counted);
            }
        });
    }

    private void ended(String visitId, String deskId, Instant at, String actor, Consumer<Tally> figure) {
        OpenVisit v = open.get(visitId);
        Integer service =
                v == null || v.startedAt == null ? null : (int) Math.max(0, at.getEpochSecond() - v.startedAt);
        desk(visitId, deskId, at, actor, t -> {
            figure.accept(t);
            if (service != null) {
                t.serviceSeconds.add(service);
            }
        });
    }

    private void transferred(VisitTransferred e, String actor) {
        ended(e.visitId(), e.deskId(), e.at(), actor, t -> t.transferredOut++);
        row(Grouping.SERVICE, e.toServiceCode()).transferredIn++;
        OpenVisit v = open.get(e.visitId());
        if (v != null) {
            v.service = e.toServiceCode();
            v.queuedAt = e.at().getEpochSecond();
            v.waitCounted = false;
            v.startedAt = null;
            v.deskId = null;
        }
    }

    private void closed(FloorClosed e) {
        for (VisitClosure c : e.closures()) {
            Consumer<Tally> count =
                    c.outcome() == VisitStatus.CARRIED_OVER ? t -> t.carriedOver++ : t -> t.closedUnserved++;
            count.accept(row(Grouping.DAY, day));
            count.accept(row(Grouping.SERVICE, c.serviceCode()));
            open.remove(c.visitId());
        }
        open.clear();
        deskStaff.clear();
    }

    /**
     * Applies a figure to the rows a visit's event at a desk falls in: the day, the visit's service,
     * the desk, its staff member and, when {@code at} is given, the hour.
     */
    private void desk(String visitId, String deskId, Instant at, String actor, Consumer<Tally> figure) {
        OpenVisit v = open.get(visitId);
        if (v == null) {
            return;
        }
        figure.accept(row(Grouping.DAY, day));
        figure.accept(row(Grouping.SERVICE, v.service));
        if (at != null) {
            figure.accept(row(Grouping.HOUR, hour(at)));
        }
        if (deskId != null) {
            figure.accept(row(Grouping.DESK, deskId));
            figure.accept(row(Grouping.STAFF, Objects.requireNonNullElse(deskStaff.get(deskId), actorOr(actor))));
        }
    }

    private static String actorOr(String actor) {
        return actor == null ? "unknown" : actor;
    }

    private Tally row(Grouping grouping, String key) {
        return groups.computeIfAbsent(grouping.wireName(), g -> new TreeMap<>()).computeIfAbsent(key, k -> new Tally());
    }

    private String hour(Instant at) {
        return String.format("%02d", at.atZone(ZoneId.of(timeZone)).getHour());
    }

    /** For tests and the bench: the keys of a grouping in order. */
    public List<String> keys(Grouping grouping) {
        return rows(grouping).keySet().stream()
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
