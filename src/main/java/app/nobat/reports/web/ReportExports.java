package app.nobat.reports.web;

import app.nobat.reports.domain.ReportColumns;
import app.nobat.reports.domain.ReportColumns.Column;
import app.nobat.reports.domain.ReportRow;
import app.nobat.reports.store.ReportQueries.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report's table as a file: every row, then the total, one column per figure
 * ({@link ReportColumns}). CSV in UTF-8 with a byte-order mark (so that Excel reads Persian text
 * right), comma-separated, CRLF line ends; XLSX with numbers as numbers.
 */
final class ReportExports {

    private ReportExports() {}

    static List<ReportRow> lines(Report report) {
        List<ReportRow> lines = new ArrayList<>(report.rows());
        lines.add(report.total());
        return lines;
    }

    static byte[] csv(Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(
                        ",", ReportColumns.ALL.stream().map(Column::header).toList()))
                .append("\r\n");
        for (ReportRow row : lines(report)) {
            List<String> cells = new ArrayList<>();
            for (Column c : ReportColumns.ALL) {
                cells.add(cell(c.value().apply(row)));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static byte[] xlsx(Report report) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet("report");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ReportColumns.ALL.size(); i++) {
                header.createCell(i).setCellValue(ReportColumns.ALL.get(i).header());
            }
            int r = 1;
            for (ReportRow line : lines(report)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < ReportColumns.ALL.size(); i++) {
                    Object value = ReportColumns.ALL.get(i).value().apply(line);
                    if (value instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
