package app.nobat.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Live subscribers as the pages hold them: visitors' phones on {@code /api/track/{token}/stream} and
 * displays on {@code /api/centres/{id}/display/stream}, all on a few event-loop threads (Reactor
 * Netty), not a thread each. Each event a call causes is timed on arrival and matched to that call:
 *
 * <ul>
 *   <li>a display's {@code call} event names the ticket called;
 *   <li>a phone whose visit was called sees its status CALLED;
 *   <li>a waiting phone's position drops by one at every call (one service, no priorities: the head of
 *       the queue is called), so its k-th drop since its first (snapshot) event is the k-th call after
 *       the phone connected. Every phone of a phase connects before its first call.
 * </ul>
 *
 * Changes that move no position (an arrival behind, a start, a completion) are not counted.
 */
final class LiveScreens implements AutoCloseable {

    /** The calls of one phase at one centre, in the order they were answered. */
    static final class CallLog {
        private final List<Long> answered = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Long> byVisit = new ConcurrentHashMap<>();
        private final Map<String, Long> byTicket = new ConcurrentHashMap<>();

        void answered(String visitId, String ticket, long answeredNanos) {
            answered.add(answeredNanos);
            byVisit.put(visitId, answeredNanos);
            byTicket.put(ticket, answeredNanos);
        }

        int calls() {
            return answered.size();
        }

        Long answerOf(Delivery d) {
            if (d.callIndex() > 0) {
                synchronized (answered) {
                    return d.callIndex() <= answered.size() ? answered.get(d.callIndex() - 1) : null;
                }
            }
            return d.visitId() != null ? byVisit.get(d.visitId()) : byTicket.get(d.ticket());
        }
    }

    /** An event on a screen caused by a call: by the call's index, the called visit or its ticket. */
    record Delivery(CallLog log, int callIndex, String visitId, String ticket, long arrivedNanos) {}

    /** What the matched deliveries of a phase add up to. */
    record Latencies(long[] sortedNanos, int unmatched) {
        double p(double q) {
            return BookingStormBench.percentile(sortedNanos, q);
        }
    }

    private final HttpClient http;
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final List<Disposable> open = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicLong lastCallEventNanos = new AtomicLong();

    LiveScreens(String baseUrl, int maxStreams) {
        this.http = HttpClient.create(NobatClient.pool("bench-screens", maxStreams))
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofMinutes(30));
    }

    /** A visitor's phone following one ticket. */
    void phone(CallLog log, String trackingToken, String visitId) {
        Screen screen = new Screen(log, visitId, false);
        subscribe("/api/track/" + trackingToken + "/stream", null, screen);
    }

    /** A display of the centre, with its device token. */
    void display(CallLog log, String centreId, String deviceToken) {
        Screen screen = new Screen(log, null, true);
        subscribe("/api/centres/" + centreId + "/display/stream", "Device " + deviceToken, screen);
    }

    private void subscribe(String path, String authorization, Screen screen) {
        Disposable subscription = http.headers(h -> {
                    h.set("Accept", "text/event-stream");
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .get()
                .uri(path)
                .response((response, body) -> {
                    if (response.status().code() != 200) {
                        refused.incrementAndGet();
                        return Mono.empty();
                    }
                    return body.asString(StandardCharsets.UTF_8)
                            .doOnNext(chunk -> screen.read(chunk, System.nanoTime()));
                })
                .subscribe(ignored -> {}, error -> ended.incrementAndGet(), ended::incrementAndGet);
        open.add(subscription);
    }

    /** Waits until {@code count} screens have had their first event; false when the time ran out. */
    boolean awaitConnected(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (connected.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return connected.get() >= count;
    }

    /** Waits until no call's event has arrived for {@code quiet}, at most {@code limit}. */
    void awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Thread.sleep(quiet.toMillis());
        while (System.nanoTime() - lastCallEventNanos.get() < quiet.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    int connected() {
        return connected.get();
    }

    int refused() {
        return refused.get();
    }

    /** Streams that had their first event and have not ended. */
    int live() {
        return connected.get() - ended.get();
    }

    /** Every delivery of the phase matched to its call's answer; an event before its answer counts 0. */
    Latencies latencies() {
        List<Long> matched = new ArrayList<>();
        int unmatched = 0;
        for (Delivery d : deliveries) {
            Long answer = d.log().answerOf(d);
            if (answer == null) {
                unmatched++;
            } else {
                matched.add(Math.max(0, d.arrivedNanos() - answer));
            }
        }
        return new Latencies(
                matched.stream().mapToLong(Long::longValue).sorted().toArray(), unmatched);
    }

    @Override
    public void close() {
        synchronized (open) {
            open.forEach(Disposable::dispose);
            open.clear();
        }
    }

    /** One stream's reader: events are split at blank lines, as SSE frames them. */
    private final class Screen {
        private final CallLog log;
        private final String visitId;
        private final boolean display;
        private final StringBuilder pending = new StringBuilder();
        private int firstPosition = -1;
        private int callsSeen;
        private boolean calledSeen;
        private boolean first = true;

        Screen(CallLog log, String visitId, boolean display) {
            this.log = log;
            this.visitId = visitId;
            this.display = display;
        }

        synchronized void read(String chunk, long arrivedNanos) {
            pending.append(chunk);
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
                String event = pending.substring(0, end);
                pending.delete(0, end + 2);
                onEvent(field(event, "event:"), field(event, "data:"), arrivedNanos);
            }
        }

        private void onEvent(String name, String data, long arrivedNanos) {
            if (name == null || name.equals("heartbeat") || data == null) {
                return;
            }
            if (first) {
                first = false;
                firstPosition = display ? 0 : intAfter(data, "\"position\":");
                connected.incrementAndGet();
                return;
            }
            if (display) {
                if (name.equals("call")) {
                    called(new Delivery(log, 0, null, textAfter(data, "\"ticket\":\""), arrivedNanos));
                }
                return;
            }
            String status = textAfter(data, "\"status\":\"");
            if ("CALLED".equals(status) && !calledSeen) {
                calledSeen = true;
                called(new Delivery(log, 0, visitId, null, arrivedNanos));
            } else if ("WAITING".equals(status)) {
                int calls = firstPosition - intAfter(data, "\"position\":");
                if (calls > callsSeen) {
                    callsSeen = calls;
                    called(new Delivery(log, calls, null, null, arrivedNanos));
                }
            }
        }

        private void called(Delivery delivery) {
            deliveries.add(delivery);
            lastCallEventNanos.set(delivery.arrivedNanos());
        }
    }

    private static String field(String event, String prefix) {
        for (String line : event.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    private static String textAfter(String data, String key) {
        int at = data.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        return data.substring(from, data.indexOf('"', from));
    }

    private static int intAfter(String data, String key) {
        int at = data.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        int value = 0;
        while (i < data.length() && Character.isDigit(data.charAt(i))) {
            value = value * 10 + (data.charAt(i++) - '0');
        }
        return value;
    }
}
