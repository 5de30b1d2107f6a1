package app.nobat.floor.web;

import app.nobat.floor.board.FloorBoard.TimelineEntry;
import app.nobat.floor.board.WaitEstimate;
import app.nobat.floor.domain.CallReason;
import app.nobat.floor.domain.DeskStatus;
import app.nobat.floor.domain.OutOfTurnReason;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.ReturnReason;
import app.nobat.floor.domain.VisitStatus;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Request and response bodies of the floor's HTTP API. */
public final class FloorRequests {

    private FloorRequests() {}

    /**
     * A walk-in arrival (a service), or an appointment check-in (a booking code; the service is the
     * appointment's). {@code requestId} makes a kiosk's retry return the first ticket.
     */
    /**
     * @param phone a walk-in's mobile for its messages (optional; kept until the end of the day)
     * @param language the language of those messages (fa, fa-AF, ps, en; default fa)
     */
    public record ArrivalRequest(
            @Nullable String serviceCode,
            @Nullable PriorityClass priorityClass,
            @Nullable String requestId,
            @Nullable String appointmentCode,
            @Nullable String phone,
            @Nullable String language) {}

    public record ArrivalResponse(
            String visitId,
            String ticket,
            String serviceCode,
            PriorityClass priorityClass,
            int position,
            int estimatedWaitMinutes,
            WaitEstimate estimatedWait,
            String trackingToken,
            String trackingUrl,
            Instant arrivedAt) {}

    public record OpenDeskRequest(@Nullable Set<String> serviceCodes) {}

    public record DeskResponse(String deskId, DeskStatus status) {}

    public record CallNextRequest(@Nullable String requestId) {}

    public record CallResponse(String visitId, String ticket, String serviceCode, String deskId, CallReason reason) {}

    /**
     * A named ticket called at a desk, outside the policy's order.
     *
     * @param note an optional short line beside the reason: no names, no identity or phone numbers
     */
    public record CallTicketRequest(
            String visitId,
            OutOfTurnReason reason,
            @Nullable String note) {}

    public record OutOfTurnCallResponse(String visitId, String ticket, String serviceCode, String deskId) {}

    /**
     * A called ticket back to its queue, keeping its place.
     *
     * @param note an optional short line beside the reason: no names, no identity or phone numbers
     */
    public record ReturnRequest(
            ReturnReason reason, @Nullable String note) {}

    public record TransferRequest(String toServiceCode) {}

    public record CancelRequest(@Nullable String reason) {}

    /** Pausing or closing a desk; {@code reason} is recorded on the event (a supervisor's, typically). */
    public record DeskActionRequest(@Nullable String reason) {}

    public record VisitActionResponse(String visitId, VisitAction action) {}

    /** A visit for staff: never its tracking token. */
    public record VisitDetails(
            String visitId,
            String ticket,
            String serviceCode,
            PriorityClass priorityClass,
            VisitStatus status,
            @Nullable String deskId,
            Instant arrivedAt,
            @Nullable String appointmentRef,
            @Nullable String carriedOverFrom,
            List<TimelineEntry> timeline) {}

    public record QueuedTicket(
            String visitId,
            String ticket,
            PriorityClass priorityClass,
            Instant arrivedAt,
            double waitedMinutes,
            int position) {}

    public record ServiceQueue(
            String serviceCode,
            int targetWaitMinutes,
            int waitingCount,
            double longestWaitMinutes,
            boolean targetBreached,
            long desksServing,
            int estimatedWaitMinutes,
            WaitEstimate estimatedWait,
            List<QueuedTicket> waiting) {}

    /**
     * @param callOrder the waiting visits of the desk's services (their ids) in the order its call-next
     *     would call them now, one after another, the limit of priority calls in a row included;
     *     empty for a closed desk
     */
    public record DeskState(
            String deskId,
            DeskStatus status,
            @Nullable Set<String> serviceCodes,
            @Nullable String staffId,
            @Nullable String currentVisitId,
            @Nullable String currentTicket,
            @Nullable Instant openedAt,
            @Nullable String pauseReason,
            List<String> callOrder) {}

    /** Today so far: arrivals and completed services per local hour, and how long called tickets waited. */
    public record QueuesView(
            String centreId,
            String day,
            boolean closed,
            List<ServiceQueue> services,
            List<DeskState> desks,
            List<HourCount> hourly,
            List<WaitCount> waitDistribution) {}

    public record HourCount(String hour, int arrived, int served) {}

    /** @param minutes a bucket such as "5-10" or "60+" */
    public record WaitCount(String minutes, int calls) {}
}
