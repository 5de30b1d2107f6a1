package app.nobat.floor.board;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live feed of each centre's current floor on this node: the board projection publishes each
 * change; screens follow with a snapshot first, or resume after a {@code Last-Event-ID} from the
 * last {@value #RETAINED} changes, so a reconnect misses nothing.
 *
 * <p>Its memory per centre is bounded by {@value #LIVE_BOARDS} boards and {@value #RETAINED} changes
 * without a board (a kind and a call's ticket and desk): a resumed screen is told every change it
 * missed, each with the board as it is now, which is what it would show after them anyway.
 */
public class FloorFeed {

    static final int RETAINED = 2000;

    /**
     * Changes with their boards kept for a subscriber's first moment: it reads the current change
     * and then subscribes, and what was published in between reaches it from here.
     */
    static final int LIVE_BOARDS = 64;

    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, CentreFeed> feeds = new ConcurrentHashMap<>();
    private final Function<String, FloorBoard> initialBoard;

    /** @param initialBoard the board a centre's feed starts from on this node (its current floor, or empty) */
    public FloorFeed(Function<String, FloorBoard> initialBoard) {
        this.initialBoard = initialBoard;
    }

    private static final class CentreFeed {
        private final Sinks.Many<FloorChange> sink = Sinks.many().replay().limit(LIVE_BOARDS);
        /** The last {@value #RETAINED} changes without their boards, oldest first; guarded by the feed. */
        private final ArrayDeque<FloorChange> told = new ArrayDeque<>();

        private volatile FloorChange current;
    }

    private CentreFeed feed(String centreId) {
        return feeds.computeIfAbsent(centreId, id -> {
            CentreFeed f = new CentreFeed();
            f.current = new FloorChange(epoch, 0, FloorChangeKind.SNAPSHOT, null, initialBoard.apply(id));
            return f;
        });
    }

    /** Called by the projection, one thread at a time per centre. */
    public void publish(String centreId, FloorChangeKind kind, Object detail, FloorBoard frozenBoard) {
        CentreFeed f = feed(centreId);
        synchronized (f) {
            FloorBoard shown = f.current.board();
            if (shown != null
                    && shown.day != null
                    && frozenBoard.day != null
                    && frozenBoard.day.compareTo(shown.day) < 0) {
                return; // a late change of an earlier day's floor: not on today's screens
            }
            FloorChange change = new FloorChange(epoch, f.current.seq() + 1, kind, detail, frozenBoard);
            f.current = change;
            f.told.addLast(change.withBoard(null));
            if (f.told.size() > RETAINED) {
                f.told.removeFirst();
            }
            f.sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }
    }

    /**
     * The visit of a tracking token among the live boards on this node: a ticket printed a moment
     * ago is here before the stored read model has it.
     */
    public Optional<String> liveVisitForToken(String token) {
        for (CentreFeed f : feeds.values()) {
            FloorBoard board = f.current.board();
            if (board == null) {
                continue;
            }
            for (FloorBoard.VisitView v : board.visits.values()) {
                if (token.equals(v.trackingToken)) {
                    return Optional.of(v.visitId);
                }
            }
        }
        return Optional.empty();
    }

    /** The board the centre's screens show now. */
    public FloorChange current(String centreId) {
        return feed(centreId).current;
    }

    /**
     * A snapshot first and then every change; or, when {@code lastEventId} is one of this node's
     * retained changes, every change after it.
     */
    public Flux<FloorChange> follow(String centreId, String lastEventId) {
        CentreFeed f = feed(centreId);
        FloorChange now;
        long resumeAfter;
        List<FloorChange> missed = new ArrayList<>();
        synchronized (f) {
            now = f.current;
            resumeAfter = resumePoint(lastEventId, now.seq());
            for (FloorChange told : resumeAfter >= 0 ? f.told : List.<FloorChange>of()) {
                if (told.seq() > resumeAfter) {
                    missed.add(told.withBoard(now.board()));
                }
            }
        }
        long after = now.seq();
        Flux<FloorChange> later = f.sink.asFlux().filter(c -> c.seq() > after);
        if (resumeAfter >= 0) {
            return Flux.concat(Flux.fromIterable(missed), later);
        }
        FloorChange snapshot = new FloorChange(epoch, after, FloorChangeKind.SNAPSHOT, null, now.board());
        return Flux.concat(Mono.just(snapshot), later);
    }

    private long resumePoint(String lastEventId, long currentSeq) {
        if (lastEventId == null || !lastEventId.startsWith(epoch + "-")) {
            return -1;
        }
        try {
            long seq = Long.parseLong(lastEventId.substring(epoch.length() + 1));
            boolean retained = seq <= currentSeq && seq >= currentSeq - RETAINED + 1;
            return retained ? seq : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
