package vn.cdht.pipelines.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.cdht.warehouse.ingest.FileRecord;

/**
 * What one ingestion did: per file its reconciliation, the findings kept as flags (orphans, unknown units, rule
 * mismatches, ...), and how long it took.
 */
public record IngestReport(String batchId, String source, String location, Outcome outcome, List<FileRecord> files,
                           Map<String, Long> flags, long orphanAssessmentsInCore, Duration elapsed, String message) {

    public enum Outcome { INGESTED, ALREADY_INGESTED, NOTHING_NEW }

    public long rowsRead() {
        return files.stream().mapToLong(FileRecord::rowsRead).sum();
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(FileRecord::rowsAccepted).sum();
    }

    public long rowsQuarantined() {
        return files.stream().mapToLong(FileRecord::rowsQuarantined).sum();
    }

    public long rowsSuperseded() {
        return files.stream().mapToLong(FileRecord::rowsSuperseded).sum();
    }

    /** The files refused whole (unreadable, over a limit, wrong header): their rows were not ingested. */
    public List<FileRecord> rejectedFiles() {
        return files.stream().filter(f -> "rejected".equals(f.status())).toList();
    }

    public boolean reconciles() {
        return files.stream().allMatch(FileRecord::reconciles);
    }

    public double rowsPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : rowsRead() / seconds;
    }
}
