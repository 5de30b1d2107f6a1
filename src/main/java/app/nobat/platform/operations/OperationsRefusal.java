package app.nobat.platform.operations;

import app.nobat.common.Refusal;
import app.nobat.common.RefusalSpec;

/** What the administrators' operations refuse: backups and rebuilds of read models (see {@link Refusal}). */
public enum OperationsRefusal implements Refusal {
    BACKUP_EMBEDDED_ONLY(
            "backup-embedded-only",
            CONFLICT,
            "This node uses a MongoDB of its own: back it up with mongodump (README, \"Backup and restore\")"),
    BACKUP_IN_PROGRESS("backup-in-progress", CONFLICT, "A backup is being taken; wait until it is done"),
    UNKNOWN_PROCESSOR("unknown-processor", NOT_FOUND, "There is no event processor '{processor}' on this node"),
    PROCESSOR_NOT_REBUILDABLE(
            "processor-not-rebuildable",
            CONFLICT,
            "'{processor}' acts on events (messages, commands) or keeps itself; only read models are rebuilt"),
    PROCESSOR_BUSY(
            "processor-busy",
            CONFLICT,
            "'{processor}' is being rebuilt, or another node holds its segments; try again later");

    private final RefusalSpec spec;

    OperationsRefusal(String code, int status, String template) {
        this.spec = new RefusalSpec(code, status, template);
    }

    @Override
    public RefusalSpec spec() {
        return spec;
    }
}
