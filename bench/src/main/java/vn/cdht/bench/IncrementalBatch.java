package vn.cdht.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second batch of the incremental refresh, made from a full export: about 0.5% of the rows of {@code tai_khoan},
 * {@code phieu_danh_gia} and {@code cong_nhan} changed (updated a minute later, an account's phone changed) and about
 * 0.5% new (copies of existing accounts under a new account id and CCCD, with their assessments and recognitions),
 * 1% in all. Which rows is decided by a hash of their id, so the batch is the same every time.
 */
final class IncrementalBatch {

    static final int PER_MILLE_CHANGED = 5;
    static final int PER_MILLE_NEW = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    record Counts(long read, long changed, long added) {
    }

    private final Map<String, String> newAccountIds = new HashMap<>();

    /** Writes the three files of the incremental batch for the export in {@code full} to {@code out}. */
    static Map<String, Counts> write(Path full, Path out) throws IOException {
        Files.createDirectories(out);
        IncrementalBatch batch = new IncrementalBatch();
        Map<String, Counts> counts = new HashMap<>();
        counts.put("tai_khoan", batch.accounts(full.resolve("tai_khoan.csv"), out.resolve("tai_khoan.csv")));
        counts.put("phieu_danh_gia", batch.dependants(full.resolve("phieu_danh_gia.csv"), out.resolve("phieu_danh_gia.csv"),
                "Mã phiếu"));
        counts.put("cong_nhan", batch.dependants(full.resolve("cong_nhan.csv"), out.resolve("cong_nhan.csv"), null));
        return counts;
    }

    private Counts accounts(Path in, Path out) throws IOException {
        return copy(in, out, (header, row, sink) -> {
            String id = row[col(header, "Mã tài khoản")];
            int bucket = bucket(id);
            if (bucket < PER_MILLE_CHANGED) {
                String[] changed = row.clone();
                changed[col(header, "Số điện thoại")] = "09" + String.format("%08d", Math.floorMod(id.hashCode(), 100_000_000));
                later(header, changed);
                sink.changed(changed);
            } else if (bucket < PER_MILLE_CHANGED + PER_MILLE_NEW) {
                String[] added = row.clone();
                String newId = "TN" + id.substring(2);
                newAccountIds.put(id, newId);
                added[col(header, "Mã tài khoản")] = newId;
                String cccd = row[col(header, "Số CCCD")];
                added[col(header, "Số CCCD")] = cccd.substring(0, 6)
                        + String.format("%06d", (Long.parseLong(cccd.substring(6)) + 500_000) % 1_000_000);
                later(header, added);
                sink.added(added);
            }
        });
    }

    /** Assessments (own id) or recognitions (key account and year): changed by their id, new for the new accounts. */
    private Counts dependants(Path in, Path out, String idColumn) throws IOException {
        return copy(in, out, (header, row, sink) -> {
            int account = col(header, "Mã tài khoản");
            String key = idColumn == null ? row[account] + "/" + row[col(header, "Năm")] : row[col(header, idColumn)];
            String newAccount = newAccountIds.get(row[account]);
            if (newAccount != null) {
                String[] added = row.clone();
                added[account] = newAccount;
                if (idColumn != null) {
                    added[col(header, idColumn)] = "PN" + row[col(header, idColumn)].substring(2);
                }
                later(header, added);
                sink.added(added);
            } else if (bucket(key) < PER_MILLE_CHANGED) {
                String[] changed = row.clone();
                later(header, changed);
                sink.changed(changed);
            }
        });
    }

    private interface RowRule {
        void apply(List<String> header, String[] row, Sink sink) throws IOException;
    }

    private static final class Sink {
        private final BufferedWriter out;
        long changed;
        long added;

        Sink(BufferedWriter out) {
            this.out = out;
        }

        void changed(String[] row) throws IOException {
            changed++;
            write(row);
        }

        void added(String[] row) throws IOException {
            added++;
            write(row);
        }

        private void write(String[] row) throws IOException {
            out.write(String.join(",", row));
            out.write('\n');
        }
    }

    private static Counts copy(Path in, Path out, RowRule rule) throws IOException {
        long read = 0;
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String headerLine = r.readLine();
            List<String> header = Arrays.asList(headerLine.split(",", -1));
            w.write(headerLine);
            w.write('\n');
            Sink sink = new Sink(w);
            String line;
            while ((line = r.readLine()) != null) {
                read++;
                if (line.indexOf('"') >= 0) {
                    continue; // these three files carry no quoted fields; leave any such row alone
                }
                rule.apply(header, line.split(",", -1), sink);
            }
            return new Counts(read, sink.changed, sink.added);
        }
    }

    private static void later(List<String> header, String[] row) {
        int i = col(header, "Ngày cập nhật");
        row[i] = LocalDateTime.parse(row[i], TIME).plusMinutes(1).format(TIME);
    }

    private static int col(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("column '" + name + "' not in " + header);
        }
        return i;
    }

    /** 0..999, stable for an id. */
    static int bucket(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        return (int) Math.floorMod(h, 1000L);
    }
}
