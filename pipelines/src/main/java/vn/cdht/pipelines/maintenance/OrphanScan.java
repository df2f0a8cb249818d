package vn.cdht.pipelines.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * A quick look, on the driver and without a Spark job, for files of a table's folder that no snapshot references and
 * that are older than the minimum age: the files Iceberg's orphan removal would consider. Only when it finds some does
 * upkeep run Iceberg's action, which decides what to remove; its Spark jobs take seconds per table even when there is
 * nothing to remove. Reads every manifest of every snapshot, as the action does.
 */
final class OrphanScan {

    private OrphanScan() {
    }

    /**
     * The unreferenced files older than {@code olderThanMillis}, or -1 when the table's storage cannot be listed here
     * (then the action has to look).
     */
    static int candidates(Table table, long olderThanMillis) {
        FileIO io = table.io();
        if (!(io instanceof SupportsPrefixOperations listing)) {
            return -1;
        }
        Set<String> referenced = referenced(table);
        int orphans = 0;
        for (FileInfo file : listing.listPrefix(table.location())) {
            if (file.createdAtMillis() < olderThanMillis && !referenced.contains(path(file.location()))) {
                orphans++;
            }
        }
        return orphans;
    }

    private static Set<String> referenced(Table table) {
        Set<String> out = new HashSet<>();
        ReachableFileUtil.metadataFileLocations(table, true).forEach(l -> out.add(path(l)));
        ReachableFileUtil.manifestListLocations(table).forEach(l -> out.add(path(l)));
        ReachableFileUtil.statisticsFilesLocations(table).forEach(l -> out.add(path(l)));
        out.add(path(ReachableFileUtil.versionHintLocation(table)));
        Set<String> manifests = new HashSet<>();
        for (Snapshot snapshot : table.snapshots()) {
            for (ManifestFile manifest : snapshot.allManifests(table.io())) {
                if (manifests.add(manifest.path())) {
                    out.add(path(manifest.path()));
                    try (CloseableIterable<String> files = ManifestFiles.readPaths(manifest, table.io(), table.specs())) {
                        files.forEach(f -> out.add(path(f)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return out;
    }

    /** The path of a location, without scheme and authority ({@code file:/x} and {@code /x} are the same file). */
    private static String path(String location) {
        return new org.apache.hadoop.fs.Path(location).toUri().getPath();
    }
}
