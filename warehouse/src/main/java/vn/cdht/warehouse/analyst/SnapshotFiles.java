package vn.cdht.warehouse.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The files of a table's current snapshot, as local paths: its data files (each with the location Iceberg records,
 * which position deletes refer to) and its position delete files.
 *
 * @param snapshotId NULL when the table has no snapshot yet
 * @param dataFiles local path to Iceberg location, in scan order
 */
record SnapshotFiles(Long snapshotId, Map<String, String> dataFiles, List<String> positionDeletes) {

    static SnapshotFiles current(Table table, String name) {
        return of(table, table.currentSnapshot(), name);
    }

    /** The files of a snapshot; NULL for a table without snapshots. */
    static SnapshotFiles of(Table table, Snapshot snapshot, String name) {
        if (snapshot == null) {
            return new SnapshotFiles(null, Map.of(), List.of());
        }
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> deletes = new LinkedHashMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                requireParquet(task.file().format(), task.file().location(), name);
                data.put(LocalPaths.toLocal(task.file().location(), name), task.file().location());
                for (DeleteFile d : task.deletes()) {
                    deletes.put(d.location(), checkedDelete(d, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of table " + name, e);
        }
        return new SnapshotFiles(snapshot.snapshotId(), data, new ArrayList<>(deletes.values()));
    }

    private static String checkedDelete(DeleteFile d, String name) {
        if (d.content() == FileContent.EQUALITY_DELETES) {
            throw new AnalystException("table " + name + " has equality deletes, which the analyst database cannot apply:"
                    + " compact it (CALL system.rewrite_data_files) and publish again");
        }
        if (d.format() == FileFormat.PUFFIN || d.referencedDataFile() != null && d.contentOffset() != null) {
            throw new AnalystException("table " + name + " has deletion vectors, which the analyst database cannot apply:"
                    + " compact it (CALL system.rewrite_data_files) and publish again");
        }
        requireParquet(d.format(), d.location(), name);
        return LocalPaths.toLocal(d.location(), name);
    }

    private static void requireParquet(FileFormat format, String location, String name) {
        if (format != FileFormat.PARQUET) {
            throw new AnalystException("table " + name + " has a " + format + " file (" + location
                    + "): the analyst database reads Parquet only; rewrite the table as Parquet and publish again");
        }
    }
}
