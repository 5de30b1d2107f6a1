package app.nobat.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The application's logging (logback-spring.xml) keeps what a client sent on the entry's own line. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OneLineLogTest {

    private static final Logger log = LoggerFactory.getLogger(OneLineLogTest.class);
    private static final String FORGED =
            "2026-12-02T10:00:00.000Z  INFO 1 --- [nobat] [main] a.n.access : admin signed in";

    @Test
    void aForgedEntryInAMessageOrAnExceptionStaysOnTheRealEntrysLine(CapturedOutput output) {
        log.warn("Refused the user name {}", "mallory\r\n" + FORGED + "\u202e\u0007");
        log.error(
                "Unexpected failure",
                new IllegalStateException(
                        "bad path /x\n" + FORGED, new IllegalArgumentException("cause\u2028" + FORGED)));

        String[] lines = output.getOut().split("\n");
        assertThat(lines).noneMatch(line -> line.startsWith("2026-12-02T10:00:00.000Z"));
        assertThat(output.getOut())
                .contains("Refused the user name mallory\\u000d\\u000a" + FORGED + "\\u202e\\u0007")
                .contains("java.lang.IllegalStateException: bad path /x\\u000a" + FORGED)
                .contains("Caused by: java.lang.IllegalArgumentException: cause\\u2028" + FORGED)
                .contains("\tat app.nobat.platform.logging.OneLineLogTest.");
        assertThat(output.getOut()).doesNotContain("\r").doesNotContain("\u202e");
    }

    @Test
    void persianAndOrdinaryTextAreLeftAloneAndTabsEscaped() {
        assertThat(LogLines.escape("نوبت A-۰۱۲ at desk 3\t(tab)")).isEqualTo("نوبت A-۰۱۲ at desk 3\\u0009(tab)");
        assertThat(LogLines.escape("plain")).isSameAs("plain");
        assertThat(LogLines.escape(null)).isNull();
    }
}
