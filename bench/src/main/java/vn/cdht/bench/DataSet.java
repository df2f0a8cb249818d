package vn.cdht.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.cdht.generator.GenerationResult;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.warehouse.source.SourceEntity;

/**
 * The export files of a scale: {@code full/<slice>/} (what {@code cdht generate} writes, clean, seed 42, 2023-2026)
 * and {@code incremental/<slice>/} (the second batch). Generated once per work folder and reused, since the same
 * spec gives the same bytes.
 */
record DataSet(BenchScale scale, Path root, Map<SourceEntity, Long> fullRows, long incrementalRows) {

    static final long SEED = 42;
    static final int FROM_YEAR = 2023;
    static final int TO_YEAR = 2026;
    /** Fixed, so that the same spec gives the same bytes on any day; nothing is dated after it. */
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    Path full() {
        return root.resolve("full");
    }

    Path incremental() {
        return root.resolve("incremental");
    }

    /**
     * Another batch made from the full export of a slice ({@link IncrementalBatch.Variant}): {@code <name>/<slice>/},
     * written once and reused.
     */
    Path variant(String name, Slice slice, IncrementalBatch.Variant variant) throws IOException {
        Path folder = root.resolve(name).resolve(slice.folder());
        Path ready = root.resolve(name).resolve("READY-" + slice.folder());
        if (!Files.exists(ready)) {
            deleteTree(folder);
            IncrementalBatch.write(full().resolve(slice.folder()), folder, variant);
            Files.writeString(ready, "");
        }
        return folder;
    }

    /** The data rows of the CSV files of a folder (header lines left out). */
    static long rows(Path folder) throws IOException {
        long n = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (var lines = Files.lines(f, java.nio.charset.StandardCharsets.UTF_8)) {
                    n += Math.max(0, lines.count() - 1);
                }
            }
        }
        return n;
    }

    long fullRowCount() {
        return fullRows.values().stream().mapToLong(Long::longValue).sum();
    }

    long accounts() {
        return fullRows.getOrDefault(SourceEntity.ACCOUNTS, 0L);
    }

    static DataSet prepare(BenchScale scale, Path work, Consumer<String> progress) {
        Path root = work.resolve("data-" + scale.name());
        Path ready = root.resolve("READY");
        try {
            if (!Files.exists(ready)) {
                deleteTree(root);
                Map<SourceEntity, Long> rows = new LinkedHashMap<>();
                long incremental = 0;
                for (Slice slice : scale.slices()) {
                    Path full = root.resolve("full").resolve(slice.folder());
                    progress.accept("generating " + slice.province() + " at scale " + slice.scale() + " into " + full);
                    GenerationResult result = new OperationalDataGenerator(m -> { })
                            .generate(GeneratorSpec.files(slice.province(), FROM_YEAR, TO_YEAR, slice.scale(), SEED,
                                    OutputFormat.CSV, full, 0, AS_OF));
                    result.rows().forEach((e, n) -> rows.merge(e, n, Long::sum));
                    progress.accept(String.format("generated %s in %.1f s: %s", result.areaName(),
                            result.elapsed().toMillis() / 1000.0, result.rows()));
                    for (IncrementalBatch.Counts c : IncrementalBatch.write(full,
                            root.resolve("incremental").resolve(slice.folder())).values()) {
                        incremental += c.changed() + c.added();
                    }
                }
                List<String> lines = new ArrayList<>();
                rows.forEach((e, n) -> lines.add(e.name() + "=" + n));
                lines.add("INCREMENTAL=" + incremental);
                Files.write(ready, lines);
            }
            Map<SourceEntity, Long> rows = new LinkedHashMap<>();
            long incremental = 0;
            for (String line : Files.readAllLines(ready)) {
                String[] kv = line.split("=", 2);
                if (kv[0].equals("INCREMENTAL")) {
                    incremental = Long.parseLong(kv[1]);
                } else {
                    rows.put(SourceEntity.valueOf(kv[0]), Long.parseLong(kv[1]));
                }
            }
            return new DataSet(scale, root, rows, incremental);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data of scale " + scale + " under " + root, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
