package app.nobat.reports.web;

import app.nobat.platform.web.Blocking;
import app.nobat.reports.domain.ReportRow;
import app.nobat.reports.store.ReportQueries;
import app.nobat.reports.store.ReportQueries.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A centre's reports for its supervisors and administrators: the figures of a range of days cut by
 * day, service, desk, staff member or hour, two ranges side by side, and the table as CSV or XLSX
 * (docs/design.md, Reports).
 */
@RestController
@RequestMapping("/api/centres/{centreId}/reports")
@Tag(name = "reports", description = "Statistics of past and present days, rebuilt from the events")
public class ReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportQueries reports;

    public ReportController(ReportQueries reports) {
        this.reports = reports;
    }

    /**
     * @param groupBy day, service, desk, staff or hour
     * @param rows one row per group in key order (every day of the range for the day grouping)
     * @param total the whole range
     */
    public record ReportView(
            String centreId, LocalDate from, LocalDate to, String groupBy, List<ReportRow> rows, ReportRow total) {

        static ReportView of(Report r) {
            return new ReportView(r.centreId(), r.from(), r.to(), r.groupBy().wireName(), r.rows(), r.total());
        }
    }

    /** Two ranges of one centre in the same grouping: a period and the one it is compared with. */
    public record ComparisonView(ReportView period, ReportView other) {}

    @GetMapping
    @Operation(
            summary = "The figures of a range of days (at most 366, in the centre's own days) cut by a grouping: "
                    + "arrivals, calls, outcomes, waits and service times (mean, median, 90th percentile, maximum, "
                    + "in seconds), the share within the service's target wait, appointments and priority "
                    + "classes; supervisors and administrators of the centre")
    public Mono<ReportView> report(
            @PathVariable String centreId,
            @Parameter(description = "The first day, ISO date", example = "2026-12-01") @RequestParam LocalDate from,
            @Parameter(description = "The last day, ISO date", example = "2026-12-31") @RequestParam LocalDate to,
            @Parameter(description = "day (the default), service, desk, staff or hour", example = "service")
                    @RequestParam(required = false)
                    @Nullable
                    String groupBy) {
        return Blocking.call(() -> ReportView.of(reports.report(centreId, from, to, groupBy)));
    }

    @GetMapping("/compare")
    @Operation(
            summary = "Two ranges of days of one centre in the same grouping, to compare: 'from'–'to' and "
                    + "'otherFrom'–'otherTo'; supervisors and administrators of the centre")
    public Mono<ComparisonView> compare(
            @PathVariable String centreId,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam LocalDate otherFrom,
            @RequestParam LocalDate otherTo,
            @RequestParam(required = false) @Nullable String groupBy) {
        return Blocking.call(() -> {
            ReportQueries.grouping(groupBy);
            ReportQueries.checkRange(from, to);
            ReportQueries.checkRange(otherFrom, otherTo);
            return new ComparisonView(
                    ReportView.of(reports.report(centreId, from, to, groupBy)),
                    ReportView.of(reports.report(centreId, otherFrom, otherTo, groupBy)));
        });
    }

    @GetMapping("/csv")
    @Operation(
            summary = "The report's table as CSV (UTF-8 with a byte-order mark, comma-separated): a header of the "
                    + "figures' names, a line per row, then the total; supervisors and administrators of the centre",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    public Mono<ResponseEntity<byte[]>> csv(
            @PathVariable String centreId,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String groupBy) {
        return Blocking.call(() -> file(reports.report(centreId, from, to, groupBy), "csv", CSV, ReportExports::csv));
    }

    @GetMapping("/xlsx")
    @Operation(
            summary = "The report's table as an Excel workbook: one sheet, a header of the figures' names, a line "
                    + "per row, then the total; supervisors and administrators of the centre",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            mediaType =
                                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                            schema = @Schema(type = "string", format = "binary"))))
    public Mono<ResponseEntity<byte[]>> xlsx(
            @PathVariable String centreId,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(required = false) @Nullable String groupBy) {
        return Blocking.call(
                () -> file(reports.report(centreId, from, to, groupBy), "xlsx", XLSX, ReportExports::xlsx));
    }

    private static ResponseEntity<byte[]> file(
            Report report, String extension, MediaType type, Function<Report, byte[]> write) {
        String name = "report-" + report.centreId() + "-" + report.from() + "-" + report.to() + "-"
                + report.groupBy().wireName() + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(write.apply(report));
    }
}
