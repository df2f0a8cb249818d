package vn.cdht.reports.registry;

import java.nio.file.Path;
import java.time.LocalDate;

/** What a renderer knows about a report it has just written, before the registry gives it an id. */
public record NewReport(String kind, String scope, String period, String format, String geography, String snapshots,
                        LocalDate issueDate, Path file, String sha256, long bytes, Integer pages, boolean personalData,
                        long renderMillis, Long reproducesId) {
}
