package vn.cdht.reports.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A report as registered in the control database ({@code report}).
 *
 * @param snapshots the Iceberg snapshots it read, as {@code namespace.table=snapshot_id,...}
 * @param reproducesId the report this one re-rendered with {@code --reproduce}, or NULL
 */
public record RenderedReport(long id, String kind, String scope, String period, String format, String geography,
                             String snapshots, LocalDate issueDate, Path file, String sha256, long bytes, Integer pages,
                             boolean personalData, Instant renderedAt, long renderMillis, Long reproducesId) {
}
