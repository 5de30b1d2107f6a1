package app.nobat.tracking;

import app.nobat.floor.domain.VisitStatus;
import jakarta.annotation.Nullable;
import java.time.Instant;

/** What a visitor's phone shows of its own ticket, and nothing of anyone else's. */
public record TrackingView(
        String centreId,
        String ticket,
        String serviceCode,
        VisitStatus status,
        int position,
        int estimatedWaitMinutes,
        @Nullable String deskId,
        @Nullable Instant calledAt,
        int recall) {}
