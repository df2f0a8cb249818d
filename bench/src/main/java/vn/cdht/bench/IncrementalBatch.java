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

    /**
     * Which batch: {@code salt} picks other rows (the hash is of salt + id), {@code night} makes new ids and CCCDs its
     * own and each change one minute later per night, {@code commune} (or null) limits the batch to the accounts of
     * one commune and what belongs to them.
     */
    record Variant(String salt, int night, String commune, int perMilleChanged, int perMilleNew) {
        /** The incremental batch of the bench (issue 15 onwards): the same bytes as always. */
        static final Variant SECOND = new Variant("", 0, null, PER_MILLE_CHANGED, PER_MILLE_NEW);

        static Variant night(int n) {
            return new Variant("night-" + n + "/", n, null, PER_MILLE_CHANGED, PER_MILLE_NEW);
        }

        /** 5% of one commune's rows changed and 5% new. */
        static Variant commune(String code) {
            return new Variant("commune/", 0, code, 50, 50);
        }
    }

    private final Map<String, String> newAccountIds = new HashMap<>();
    private final java.util.Set<String> communeAccounts = new java.util.HashSet<>();
    private final Variant variant;

    private IncrementalBatch(Variant variant) {
        this.variant = variant;
    }

    /**
     * {@code IncrementalBatch FULL OUT [night N | commune CODE]}: writes one batch by hand, e.g. to time a run on a
     * bench home outside the harness.
     */
    public static void main(String[] args) throws IOException {
        Variant v = args.length < 4 ? Variant.SECOND
                : args[2].equals("night") ? Variant.night(Integer.parseInt(args[3])) : Variant.commune(args[3]);
        write(Path.of(args[0]), Path.of(args[1]), v).forEach((file, c) ->
                System.out.printf("%s: %d read, %d changed, %d new%n", file, c.read(), c.changed(), c.added()));
    }

    /** Writes the three files of the incremental batch for the export in {@code full} to {@code out}. */
    static Map<String, Counts> write(Path full, Path out) throws IOException {
        return write(full, out, Variant.SECOND);
    }

    static Map<String, Counts> write(Path full, Path out, Variant variant) throws IOException {
        Files.createDirectories(out);
        IncrementalBatch batch = new IncrementalBatch(variant);
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
            if (variant.commune() != null) {
                if (!variant.commune().equals(row[col(header, "Mã xã")])) {
                    return;
                }
                communeAccounts.add(id);
            }
            int bucket = bucket(variant.salt() + id);
            if (bucket < variant.perMilleChanged()) {
                String[] changed = row.clone();
                changed[col(header, "Số điện thoại")] = "09" + String.format("%08d",
                        Math.floorMod((variant.salt() + id).hashCode(), 100_000_000));
                later(header, changed);
                sink.changed(changed);
            } else if (bucket < variant.perMilleChanged() + variant.perMilleNew()) {
                String[] added = row.clone();
                String newId = (variant.night() > 0 ? "N" + variant.night() : "") + (variant.commune() != null ? "C" : "")
                        + "TN" + id.substring(2);
                newAccountIds.put(id, newId);
                added[col(header, "Mã tài khoản")] = newId;
                String cccd = row[col(header, "Số CCCD")];
                long offset = 500_000 + 7_919L * variant.night() + (variant.commune() != null ? 3_331 : 0);
                added[col(header, "Số CCCD")] = cccd.substring(0, 6)
                        + String.format("%06d", (Long.parseLong(cccd.substring(6)) + offset) % 1_000_000);
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
            if (variant.commune() != null && !communeAccounts.contains(row[account])) {
                return;
            }
            String newAccount = newAccountIds.get(row[account]);
            if (newAccount != null) {
                String[] added = row.clone();
                added[account] = newAccount;
                if (idColumn != null) {
                    added[col(header, idColumn)] = newAccount.substring(0, newAccount.length() - row[account].length() + 2)
                            .replace("TN", "PN") + row[col(header, idColumn)].substring(2);
                }
                later(header, added);
                sink.added(added);
            } else if (bucket(variant.salt() + key) < variant.perMilleChanged()) {
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

    private void later(List<String> header, String[] row) {
        int i = col(header, "Ngày cập nhật");
        row[i] = LocalDateTime.parse(row[i], TIME).plusMinutes(1 + variant.night()).format(TIME);
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
