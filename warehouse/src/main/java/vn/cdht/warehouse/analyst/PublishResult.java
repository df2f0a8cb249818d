package vn.cdht.warehouse.analyst;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What {@link AnalystDatabasePublisher#publish} wrote. */
public record PublishResult(Path database, Instant publishedAt, List<PublishedTable> tables, List<String> views,
                            List<SkippedView> skippedViews) {
}
