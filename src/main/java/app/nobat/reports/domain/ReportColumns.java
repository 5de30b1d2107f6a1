package app.nobat.reports.domain;

import app.nobat.floor.domain.PriorityClass;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of a report's table as the exports write them: the row's key, then every figure in
 * the order of {@link ReportRow}, the priority classes one column each. A figure of an empty set
 * is an empty cell.
 */
public final class ReportColumns {

    /** One column: its header (the figure's API name) and its value in a row (a Number or a String). */
    public record Column(String header, Function<ReportRow, Object> value) {}

    public static final List<Column> ALL = columns();

    private ReportColumns() {}

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("key", ReportRow::key));
        c.add(new Column("arrivals", ReportRow::arrivals));
        c.add(new Column("walkIns", ReportRow::walkIns));
        c.add(new Column("appointmentArrivals", ReportRow::appointmentArrivals));
        c.add(new Column("carriedIn", ReportRow::carriedIn));
        c.add(new Column("called", ReportRow::called));
        c.add(new Column("calledOutOfTurn", ReportRow::calledOutOfTurn));
        c.add(new Column("recalls", ReportRow::recalls));
        c.add(new Column("returnedToQueue", ReportRow::returnedToQueue));
        c.add(new Column("served", ReportRow::served));
        c.add(new Column("transferredOut", ReportRow::transferredOut));
        c.add(new Column("transferredIn", ReportRow::transferredIn));
        c.add(new Column("noShows", ReportRow::noShows));
        c.add(new Column("cancelled", ReportRow::cancelled));
        c.add(new Column("closedUnserved", ReportRow::closedUnserved));
        c.add(new Column("carriedOver", ReportRow::carriedOver));
        for (PriorityClass p : PriorityClass.values()) {
            c.add(new Column("priority." + p.name(), r -> r.priorityClasses().getOrDefault(p.name(), 0)));
        }
        c.add(new Column("waits", ReportRow::waits));
        c.add(new Column("waitMeanSeconds", ReportRow::waitMeanSeconds));
        c.add(new Column("waitMedianSeconds", ReportRow::waitMedianSeconds));
        c.add(new Column("waitP90Seconds", ReportRow::waitP90Seconds));
        c.add(new Column("waitMaxSeconds", ReportRow::waitMaxSeconds));
        c.add(new Column("withinTarget", ReportRow::withinTarget));
        c.add(new Column("withinTargetShare", ReportRow::withinTargetShare));
        c.add(new Column("services", ReportRow::services));
        c.add(new Column("serviceMeanSeconds", ReportRow::serviceMeanSeconds));
        c.add(new Column("serviceMedianSeconds", ReportRow::serviceMedianSeconds));
        c.add(new Column("serviceP90Seconds", ReportRow::serviceP90Seconds));
        c.add(new Column("serviceMaxSeconds", ReportRow::serviceMaxSeconds));
        c.add(new Column("appointmentsBooked", ReportRow::appointmentsBooked));
        c.add(new Column("appointmentsCancelled", ReportRow::appointmentsCancelled));
        c.add(new Column("appointmentsMovedOut", ReportRow::appointmentsMovedOut));
        c.add(new Column("appointmentsCheckedIn", ReportRow::appointmentsCheckedIn));
        c.add(new Column("appointmentsMissed", ReportRow::appointmentsMissed));
        return List.copyOf(c);
    }
}
