package app.nobat.platform.axon;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the application did not start on data of a newer format, without a stack trace. */
public final class NewerDataFormatAnalyzer extends AbstractFailureAnalyzer<DataFormat.NewerDataFormat> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFormat.NewerDataFormat cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Run the version of Nobat that wrote this data (format " + cause.found + "), or start this version"
                        + " on a backup it made (README, \"Backup and restore\").",
                cause);
    }
}
