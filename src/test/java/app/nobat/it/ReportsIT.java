package app.nobat.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.reports.domain.ReportColumns;
import app.nobat.reports.store.ReportStore;
import app.nobat.reports.store.ReportsProjection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted morning through HTTP, then its report: figures worked out by hand, the same figures in
 * the CSV and XLSX exports, refusals of bad input and of a desk clerk, and a replay of the
 * statistics processor from the start that gives the same records as the live one.
 */
@BookingIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsIT {

    static final String C = "it-reports";
    static final String DAY = "2026-12-01";
    static final String REPORT = "/api/centres/" + C + "/reports?from=" + DAY + "&to=" + DAY;

    @Autowired
    WebTestClient http;

    @Autowired
    Clock clock;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReportStore store;

    static boolean scripted;

    MutableClock clock() {
        return (MutableClock) clock;
    }

    void minutes(int m) {
        clock().advance(Duration.ofMinutes(m));
    }

    /**
     * 05:00Z (08:30 in Tehran): R-001 and, two minutes later, R-002 for residence (target 10
     * minutes), D-001 at 05:03 for documents (target 5). Desk d1 opens at 05:05 and calls R-001
     * (waited 5 min), serves it 4 min; calls R-002 (8 min), serves it 2 min and sends it to
     * documents at 05:12; calls it there at 05:14 (2 min since its transfer), recalls it twice, no-show; calls D-001
     * at 05:15 (12 min), recalls it, serves it 4 min.
     */
    void script() {
        if (scripted) {
            return;
        }
        scripted = true;
        clock().set(BookingIntegrationTest.START);
        Api api = new Api(http);
        String r1 = (String) api.arrive(C, "residence", null).get("visitId");
        minutes(2);
        String r2 = (String) api.arrive(C, "residence", null).get("visitId");
        minutes(1);
        String d1 = (String) api.arrive(C, "documents", null).get("visitId");
        minutes(2);
        api.post("/api/centres/" + C + "/desks/d1/open", null, 200);
        assertThat(api.callNext(C, "d1").get("visitId")).isEqualTo(r1);
        minutes(1);
        api.post("/api/visits/" + r1 + "/start", null, 200);
        minutes(4);
        api.post("/api/visits/" + r1 + "/complete", null, 200);
        assertThat(api.callNext(C, "d1").get("visitId")).isEqualTo(r2);
        api.post("/api/visits/" + r2 + "/start", null, 200);
        minutes(2);
        api.post("/api/visits/" + r2 + "/transfer", Map.of("toServiceCode", "documents"), 200);
        minutes(2);
        assertThat(api.callNext(C, "d1").get("visitId")).isEqualTo(r2);
        api.post("/api/visits/" + r2 + "/recall", null, 200);
        api.post("/api/visits/" + r2 + "/recall", null, 200);
        minutes(1);
        api.post("/api/visits/" + r2 + "/no-show", null, 200);
        assertThat(api.callNext(C, "d1").get("visitId")).isEqualTo(d1);
        api.post("/api/visits/" + d1 + "/recall", null, 200);
        minutes(1);
        api.post("/api/visits/" + d1 + "/start", null, 200);
        minutes(4);
        api.post("/api/visits/" + d1 + "/complete", null, 200);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> report(String groupBy) {
        script();
        Api api = new Api(http);
        return Api.eventually(
                () -> api.get(REPORT + "&groupBy=" + groupBy, 200),
                r -> ((Map<String, Object>) r.get("total")).get("served").equals(2));
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void theMorningsFiguresAreThoseCountedByHand() {
        Map<String, Object> total = (Map<String, Object>) report("day").get("total");
        assertThat(total)
                .containsEntry("arrivals", 3)
                .containsEntry("walkIns", 3)
                .containsEntry("called", 4)
                .containsEntry("recalls", 3)
                .containsEntry("served", 2)
                .containsEntry("transferredOut", 1)
                .containsEntry("noShows", 1)
                // waits 120, 300, 480, 720 s
                .containsEntry("waits", 4)
                .containsEntry("waitMeanSeconds", 405.0)
                .containsEntry("waitMedianSeconds", 390.0)
                .containsEntry("waitP90Seconds", 720)
                .containsEntry("waitMaxSeconds", 720)
                // residence within 10 min: 300 and 480; documents within 5: 120, not 720
                .containsEntry("withinTarget", 3)
                .containsEntry("withinTargetShare", 0.75)
                // service 240, 120, 240 s
                .containsEntry("services", 3)
                .containsEntry("serviceMeanSeconds", 200.0)
                .containsEntry("serviceMedianSeconds", 240.0)
                .containsEntry("serviceMaxSeconds", 240);
        assertThat((Map<String, Object>) total.get("priorityClasses")).containsEntry("NONE", 3);

        List<Map<String, Object>> services =
                (List<Map<String, Object>>) report("service").get("rows");
        assertThat(services).extracting(r -> r.get("key")).containsExactly("documents", "residence");
        assertThat(services.get(0))
                .containsEntry("walkIns", 1)
                .containsEntry("transferredIn", 1)
                .containsEntry("noShows", 1)
                .containsEntry("waitMeanSeconds", 420.0);
        assertThat(services.get(1))
                .containsEntry("walkIns", 2)
                .containsEntry("transferredOut", 1)
                .containsEntry("waitMeanSeconds", 390.0)
                .containsEntry("withinTargetShare", 1.0);
        List<Map<String, Object>> staff =
                (List<Map<String, Object>>) report("staff").get("rows");
        assertThat(staff).extracting(r -> r.get("key")).containsExactly(AsAdministrator.USER);
        List<Map<String, Object>> hours =
                (List<Map<String, Object>>) report("hour").get("rows");
        // 05:00–05:29Z is 08:30–08:59 in Tehran
        assertThat(hours).extracting(r -> r.get("key")).containsExactly("08");
        String body = report("desk").toString();
        assertThat(body).doesNotContain("trackingToken").doesNotContain(C + ":" + DAY + ":");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void theExportsHoldTheFiguresOfThePage() throws IOException {
        Map<String, Object> json = report("service");
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) json.get("rows"));
        lines.add((Map<String, Object>) json.get("total"));

        byte[] csv = bytes("/csv", "service");
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] csvLines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        List<String> headers = List.of(csvLines[0].split(",", -1));
        assertThat(headers)
                .containsExactlyElementsOf(ReportColumns.ALL.stream()
                        .map(ReportColumns.Column::header)
                        .toList());
        assertThat(csvLines).hasSize(lines.size() + 1);

        List<Map<String, String>> xlsxLines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes("/xlsx", "service")))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    cells.put(
                            headers.get(c),
                            cell == null
                                    ? ""
                                    : cell.getCellType() == CellType.NUMERIC
                                            ? plain(cell.getNumericCellValue())
                                            : cell.getStringCellValue());
                }
                xlsxLines.add(cells);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = csvLines[i + 1].split(",", -1);
            for (int c = 0; c < headers.size(); c++) {
                String expected = expected(lines.get(i), headers.get(c));
                assertThat(plainText(cells[c]))
                        .as("csv %s of %s", headers.get(c), i)
                        .isEqualTo(expected);
                assertThat(xlsxLines.get(i).get(headers.get(c)))
                        .as("xlsx %s of %s", headers.get(c), i)
                        .isEqualTo(expected);
            }
        }
        assertThat(csvLines[lines.size()]).startsWith("total,3,3,");
    }

    @Test
    @Order(3)
    void badRangesAndGroupingsAreRefusedWithTheirCodes() {
        Api api = new Api(http);
        String base = "/api/centres/" + C + "/reports";
        assertThat(api.get(base + "?from=2026-12-02&to=2026-12-01", 400))
                .containsEntry("code", "report-range-reversed");
        assertThat(api.get(base + "/csv?from=2025-01-01&to=2026-12-01", 400))
                .containsEntry("code", "report-range-too-long")
                .containsEntry("max", 366);
        assertThat(api.get(base + "?from=2026-12-01&to=2026-12-01&groupBy=week", 400))
                .containsEntry("code", "unknown-grouping");
        assertThat(api.get(
                        base + "/compare?from=2026-12-01&to=2026-12-01&otherFrom=2026-12-09&otherTo=2026-12-08", 400))
                .containsEntry("code", "report-range-reversed");
        WebTestClient clerk = http.mutate()
                .defaultHeaders(h -> h.setBasicAuth("demo-desk", "demo-desk-pass"))
                .build();
        assertThat(new Api(clerk).get(base + "?from=2026-12-01&to=2026-12-01", 403))
                .containsEntry("code", "forbidden");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void twoPeriodsSideBySide() {
        report("day");
        Map<String, Object> both = new Api(http)
                .get(
                        "/api/centres/" + C + "/reports/compare?from=2026-12-01&to=2026-12-01"
                                + "&otherFrom=2026-11-24&otherTo=2026-11-24&groupBy=day",
                        200);
        Map<String, Object> period = (Map<String, Object>) both.get("period");
        Map<String, Object> other = (Map<String, Object>) both.get("other");
        assertThat((Map<String, Object>) period.get("total")).containsEntry("served", 2);
        assertThat((Map<String, Object>) other.get("total")).containsEntry("served", 0);
        assertThat((List<Object>) other.get("rows")).hasSize(1);
    }

    @Test
    @Order(5)
    void aReplayFromTheStartGivesTheRecordsOfTheLiveProcessor() {
        report("day");
        TrackingEventProcessor processor = processing
                .eventProcessor(ReportsProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        long position = caughtUp(processor, 0);
        Map<String, Document> live = store.dump();
        assertThat(live).containsKey(C + ":" + DAY);

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        caughtUp(processor, position);

        Map<String, Document> replayed = store.dump();
        assertThat(replayed.keySet()).containsExactlyElementsOf(live.keySet());
        for (String id : live.keySet()) {
            assertThat(replayed.get(id)).as(id).isEqualTo(live.get(id));
        }
    }

    /** Waits until the processor has handled every event up to {@code position}; its position then. */
    static long caughtUp(TrackingEventProcessor processor, long position) {
        List<EventTrackerStatus> statuses = Api.eventually(
                () -> processor.processingStatus().values().stream().toList(),
                all -> !all.isEmpty()
                        && all.stream()
                                .allMatch(s -> s.isCaughtUp()
                                        && s.getError() == null
                                        && s.getCurrentPosition().orElse(-1) >= position));
        return statuses.stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
    }

    byte[] bytes(String suffix, String groupBy) {
        return http.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .get()
                .uri("/api/centres/" + C + "/reports" + suffix + "?from=" + DAY + "&to=" + DAY + "&groupBy=" + groupBy)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static String expected(Map<String, Object> row, String header) {
        Object value = header.startsWith("priority.")
                ? ((Map<String, Object>) row.get("priorityClasses")).get(header.substring("priority.".length()))
                : row.get(header);
        if (value == null) {
            return "";
        }
        return value instanceof Number n ? plain(n.doubleValue()) : value.toString();
    }

    static String plainText(String cell) {
        try {
            return plain(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
