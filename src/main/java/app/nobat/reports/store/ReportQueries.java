package app.nobat.reports.store;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.reports.domain.DayStatistics;
import app.nobat.reports.domain.Grouping;
import app.nobat.reports.domain.ReportRefusal;
import app.nobat.reports.domain.ReportRow;
import app.nobat.reports.domain.Reports;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A centre's report for a range of days: its records read by key, then added up. */
public class ReportQueries {

    /** The longest range one report covers. */
    public static final int MAX_DAYS = 366;

    private final CentreCatalog catalog;
    private final ReportStore store;

    public ReportQueries(CentreCatalog catalog, ReportStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** The rows of a grouping from one day to another (both included), and their total. */
    public record Report(
            String centreId, LocalDate from, LocalDate to, Grouping groupBy, List<ReportRow> rows, ReportRow total) {}

    public Report report(String centreId, LocalDate from, LocalDate to, String groupBy) {
        Grouping grouping = grouping(groupBy);
        checkRange(from, to);
        CentreProfile centre = catalog.get(centreId);
        Map<String, Integer> targets = centre.services().stream()
                .collect(Collectors.toMap(CentreProfile.Service::code, CentreProfile.Service::targetWaitMinutes));
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(DayStatistics.id(centreId, d.toString()));
        }
        List<DayStatistics> days = store.findAll(ids);
        return new Report(
                centreId,
                from,
                to,
                grouping,
                Reports.rows(days, grouping, from, to, targets),
                Reports.total(days, targets));
    }

    public static Grouping grouping(String groupBy) {
        return Grouping.parse(groupBy == null ? "day" : groupBy)
                .orElseThrow(() -> ReportRefusal.UNKNOWN_GROUPING.with());
    }

    public static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ReportRefusal.REPORT_RANGE_REVERSED.with();
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw ReportRefusal.REPORT_RANGE_TOO_LONG.with("max", MAX_DAYS);
        }
    }
}
