package app.nobat.platform.web;

import app.nobat.access.AccessRefusal;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.notify.MessageRefusal;
import app.nobat.centre.domain.CentreRefusal;
import app.nobat.common.CommonRefusal;
import app.nobat.common.Refusal;
import app.nobat.floor.domain.FloorRefusal;
import app.nobat.planning.domain.PlanningRefusal;
import app.nobat.platform.operations.OperationsRefusal;
import app.nobat.reports.domain.ReportRefusal;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every refusal the API can answer with, of every context's catalog: what the OpenAPI document
 * publishes as the problem's {@code code} and what the screens translate.
 */
public final class RefusalCatalog {

    /** The catalogs, one enum per context; a new one is added here. */
    public static final List<Class<? extends Enum<? extends Refusal>>> CATALOGS = List.of(
            CommonRefusal.class,
            FloorRefusal.class,
            BookingRefusal.class,
            CentreRefusal.class,
            AccessRefusal.class,
            PlanningRefusal.class,
            ReportRefusal.class,
            OperationsRefusal.class,
            MessageRefusal.class,
            RequestRefusal.class);

    private RefusalCatalog() {}

    /** Every entry, catalog by catalog in declaration order. */
    public static List<Refusal> all() {
        return CATALOGS.stream()
                .flatMap(c -> Stream.of(c.getEnumConstants()))
                .map(Refusal.class::cast)
                .toList();
    }

    /** Every code, in the order of {@link #all()}. */
    public static List<String> codes() {
        return all().stream().map(Refusal::code).toList();
    }
}
