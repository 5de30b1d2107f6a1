package app.nobat.tracking;

import app.nobat.floor.board.WaitEstimate;
import app.nobat.floor.domain.PriorityClass;
import app.nobat.floor.domain.VisitStatus;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * What a visitor's phone shows of its own ticket, and nothing of anyone else's.
 *
 * @param estimatedWait the wait as a point or a range, the same estimate as the kiosk's and the TV's
 * @param expectedCallAt when a waiting ticket is expected to be called (now plus the estimated wait)
 * @param previousTicket the ticket before a transfer to this service, which is no longer valid
 * @param previousServiceCode the service before that transfer
 */
public record TrackingView(
        String centreId,
        String ticket,
        String serviceCode,
        PriorityClass priorityClass,
        VisitStatus status,
        int position,
        int estimatedWaitMinutes,
        WaitEstimate estimatedWait,
        @Nullable String deskId,
        @Nullable Instant calledAt,
        int recall,
        @Nullable Instant expectedCallAt,
        @Nullable String previousTicket,
        @Nullable String previousServiceCode) {}
