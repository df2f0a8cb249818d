package vn.cdht.warehouse.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The live rows of a snapshot: the rows of its data files minus those its deletes remove. A snapshot's
 * {@code total-records} counts the rows of its data files, so after a merge-on-read MERGE it counts both the old and
 * the new version of every updated row. Without deletes the summary is the answer; with position deletes only the
 * delete files (file and position of each deleted row, small) are read, with DuckDB, never the data files; a deletion
 * vector gives its count in the metadata.
 */
public final class LiveRows {

    /**
     * @param rows the live rows, or {@link #UNKNOWN} when they cannot be counted without reading the data files
     *     (equality deletes, or delete files not on a local disk)
     * @param deleteFiles the delete files the snapshot's reads must apply (0 once the table is compacted)
     */
    public record Count(long rows, int deleteFiles) {
    }

    public static final long UNKNOWN = -1;

    private LiveRows() {
    }

    public static Count of(Table table, Snapshot snapshot) {
        Map<String, String> summary = snapshot.summary();
        long total = number(summary, SnapshotSummary.TOTAL_RECORDS_PROP);
        long positionDeletes = number(summary, SnapshotSummary.TOTAL_POS_DELETES_PROP);
        long equalityDeletes = number(summary, SnapshotSummary.TOTAL_EQ_DELETES_PROP);
        if (total >= 0 && positionDeletes == 0 && equalityDeletes == 0) {
            return new Count(total, (int) Math.max(0, number(summary, SnapshotSummary.TOTAL_DELETE_FILES_PROP)));
        }
        return counted(table, snapshot);
    }

    /** Plans the snapshot's files: each data file with the deletes Iceberg applies to it. */
    private static Count counted(Table table, Snapshot snapshot) {
        long rows = 0;
        boolean unknown = false;
        Set<String> deleteFiles = new HashSet<>();
        // (delete file as a local path, data file as Iceberg names it) for each data file with position deletes
        Set<List<String>> positionDeletes = new LinkedHashSet<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                rows += task.file().recordCount();
                task.deletes().forEach(d -> deleteFiles.add(d.location()));
                DeleteFile vector = task.deletes().stream().filter(LiveRows::isDeletionVector).findFirst().orElse(null);
                if (vector != null) {
                    // one per data file, its positions distinct; it supersedes older position delete files
                    rows -= vector.recordCount();
                    continue;
                }
                for (DeleteFile d : task.deletes()) {
                    if (d.content() == FileContent.EQUALITY_DELETES || !LocalPaths.isLocal(d.location())) {
                        unknown = true;
                    } else {
                        positionDeletes.add(List.of(LocalPaths.toLocal(d.location(), table.name()), task.file().location()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of table " + table.name(), e);
        }
        if (unknown) {
            return new Count(UNKNOWN, deleteFiles.size());
        }
        return new Count(positionDeletes.isEmpty() ? rows : rows - deleted(table, positionDeletes), deleteFiles.size());
    }

    private static boolean isDeletionVector(DeleteFile d) {
        return d.format() == FileFormat.PUFFIN || d.referencedDataFile() != null && d.contentOffset() != null;
    }

    /** Distinct (data file, position) pairs the position delete files remove from the data files they apply to. */
    private static long deleted(Table table, Set<List<String>> pairs) {
        Set<String> files = pairs.stream().map(p -> p.get(0)).collect(Collectors.toCollection(LinkedHashSet::new));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("CREATE TEMP TABLE applies (delete_path VARCHAR, data_path VARCHAR)");
            try (PreparedStatement ps = duck.prepareStatement("INSERT INTO applies VALUES (?, ?)")) {
                for (List<String> p : pairs) {
                    ps.setString(1, p.get(0));
                    ps.setString(2, p.get(1));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            String source = files.stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT DISTINCT x.file_path, x.pos FROM read_parquet("
                    + source + ", filename = true, hive_partitioning = false, union_by_name = true) x"
                    + " JOIN applies a ON a.delete_path = x.filename AND a.data_path = x.file_path)")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AnalystException("cannot read the delete files of table " + table.name() + ": "
                    + AnalystException.firstLine(e), e);
        }
    }

    private static long number(Map<String, String> summary, String key) {
        String v = summary.get(key);
        return v == null ? UNKNOWN : Long.parseLong(v);
    }
}
