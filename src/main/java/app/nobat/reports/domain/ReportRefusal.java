package app.nobat.reports.domain;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What a report refuses to answer (see {@link Refusal}). */
public enum ReportRefusal implements Refusal {
    REPORT_RANGE_REVERSED("report-range-reversed", INVALID, "The range's last day comes before its first"),
    REPORT_RANGE_TOO_LONG("report-range-too-long", INVALID, "A report covers at most {max} days"),
    UNKNOWN_GROUPING("unknown-grouping", INVALID, "groupBy must be one of day, service, desk, staff or hour");

    private final RefusalSpec spec;

    ReportRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
