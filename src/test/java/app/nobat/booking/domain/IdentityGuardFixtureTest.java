package app.nobat.booking.domain;

import app.nobat.booking.domain.IdentityGuardMessages.*;
import app.nobat.common.Refusals;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One identity, one active appointment per service: given-when-then. */
class IdentityGuardFixtureTest {

    static final String GUARD = IdentityGuardMessages.guardId("gulf", "res", "h4sh");
    static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    FixtureConfiguration<IdentityGuard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IdentityGuard.class);
    }

    @Test
    void aFreeIdentityIsClaimed() {
        fixture.givenNoPriorActivity()
                .when(new ClaimIdentity(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T))
                .expectEvents(new IdentityClaimed(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T));
    }

    @Test
    void theHolderClaimingAgainChangesNothing() {
        fixture.given(new IdentityClaimed(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T))
                .when(new ClaimIdentity(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSecondAppointmentIsRefusedWithoutNamingTheFirst() {
        fixture.given(new IdentityClaimed(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T))
                .when(new ClaimIdentity(GUARD, "BBBB-2222", "gulf:res:2026-12-06", T))
                .expectException(Matchers.allOf(
                        Matchers.instanceOf(IdentityHeld.class),
                        Refusals.refused(BookingRefusal.IDENTITY_HAS_APPOINTMENT)))
                .expectExceptionMessage(Matchers.not(Matchers.containsString("AAAA")));
    }

    @Test
    void onlyTheHolderReleases() {
        fixture.given(new IdentityClaimed(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T))
                .when(new ReleaseIdentity(GUARD, "BBBB-2222", T))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void afterReleaseAnotherAppointmentMayBeBooked() {
        fixture.given(
                        new IdentityClaimed(GUARD, "AAAA-2222", "gulf:res:2026-12-05", T),
                        new IdentityReleased(GUARD, "AAAA-2222", T))
                .when(new ClaimIdentity(GUARD, "BBBB-2222", "gulf:res:2026-12-06", T))
                .expectEvents(new IdentityClaimed(GUARD, "BBBB-2222", "gulf:res:2026-12-06", T));
    }
}
