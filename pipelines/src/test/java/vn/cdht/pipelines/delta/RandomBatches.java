package vn.cdht.pipelines.delta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random sequence of export batches made from a generated full export (the files as the operational system writes
 * them): changed rows, new accounts with their assessments and recognitions, deletions, accounts moved to a commune of
 * the other geography, and an assessment whose account arrives only in the next batch (a late orphan).
 */
final class RandomBatches {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final String DELETED = "Đã xóa";

    /** One source file: its header and rows, all as text. */
    private record Csv(List<String> header, List<String[]> rows) {

        int col(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException("column '" + name + "' not in " + header);
            }
            return i;
        }

        static Csv read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.indexOf('"') < 0 && !line.isBlank()) { // the generated files quote nothing in these three files
                    rows.add(line.split(",", -1));
                }
            }
            return new Csv(Arrays.asList(lines.get(0).split(",", -1)), rows);
        }

        void write(Path file, List<String[]> out) throws IOException {
            StringBuilder b = new StringBuilder(String.join(",", header)).append('\n');
            out.forEach(r -> b.append(String.join(",", r)).append('\n'));
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        }
    }

    private final Random random;
    private final Csv accounts;
    private final Csv assessments;
    private final Csv recognitions;
    /** The place (province, district, commune, unit) of every unit on the 2025 geography: where a moved account goes. */
    private final List<String[]> places2025 = new ArrayList<>();
    private final Map<String, String[]> lateAccounts = new LinkedHashMap<>();
    private int next;

    RandomBatches(Path fullExport, long seed) throws IOException {
        this.random = new Random(seed);
        this.accounts = Csv.read(fullExport.resolve("tai_khoan.csv"));
        this.assessments = Csv.read(fullExport.resolve("phieu_danh_gia.csv"));
        this.recognitions = Csv.read(fullExport.resolve("cong_nhan.csv"));
        Csv units = Csv.read(fullExport.resolve("don_vi.csv"));
        for (String[] u : units.rows()) {
            if (u[units.col("Mã huyện")].isEmpty()) { // no district: a unit placed on the 2025 geography
                places2025.add(new String[] {u[units.col("Mã tỉnh")], "", u[units.col("Mã xã")], u[units.col("Mã đơn vị")]});
            }
        }
    }

    /** Writes the next batch's three files to {@code folder}; returns what it holds, for messages. */
    String write(Path folder, int changes) throws IOException {
        Files.createDirectories(folder);
        next++;
        List<String[]> outAccounts = new ArrayList<>(lateAccounts.values());
        List<String[]> outAssessments = new ArrayList<>();
        List<String[]> outRecognitions = new ArrayList<>();
        lateAccounts.clear();
        int moved = 0;
        int deleted = 0;
        for (int i = 0; i < changes; i++) {
            String[] a = pick(accounts).clone();
            switch (random.nextInt(4)) {
                case 0 -> a[accounts.col("Số điện thoại")] = "09" + String.format("%08d", random.nextInt(100_000_000));
                case 1 -> {
                    if (!places2025.isEmpty()) {
                        String[] place = places2025.get(random.nextInt(places2025.size()));
                        a[accounts.col("Mã tỉnh")] = place[0];
                        a[accounts.col("Mã huyện")] = place[1];
                        a[accounts.col("Mã xã")] = place[2];
                        a[accounts.col("Mã đơn vị")] = place[3];
                        // read on the geography in force when it was updated: after the cutover
                        LocalDateTime at = LocalDateTime.parse(a[accounts.col("Ngày cập nhật")], TIME);
                        LocalDateTime after = LocalDateTime.of(2026, 11, 15, 9, 0);
                        a[accounts.col("Ngày cập nhật")] = (at.isAfter(after) ? at : after).format(TIME);
                        moved++;
                    }
                }
                case 2 -> {
                    a[accounts.col("Trạng thái")] = DELETED;
                    deleted++;
                }
                default -> { }
            }
            later(accounts, a);
            outAccounts.add(a);
            replaceRow(accounts, a, "Mã tài khoản");

            String[] s = pick(assessments).clone();
            if (random.nextBoolean()) {
                s[assessments.col("Trạng thái")] = DELETED;
            } else {
                int tc = assessments.col("TC" + (1 + random.nextInt(10)));
                s[tc] = random.nextBoolean() ? "2" : "10";
                s[assessments.col("Kết quả")] = random.nextBoolean() ? "Đạt" : "Không đạt";
            }
            later(assessments, s);
            outAssessments.add(s);
            replaceRow(assessments, s, "Mã phiếu");

            if (!recognitions.rows().isEmpty()) {
                String[] r = pick(recognitions).clone();
                if (random.nextBoolean()) {
                    r[recognitions.col("Trạng thái")] = DELETED;
                }
                later(recognitions, r);
                outRecognitions.add(r);
            }
        }
        // new accounts: copies under a new id and CCCD, with their assessments; one of them arrives a batch late
        for (int i = 0; i < Math.max(1, changes / 2); i++) {
            String[] a = pick(accounts);
            String id = a[accounts.col("Mã tài khoản")];
            String newId = "TN" + next + "x" + i + id.substring(2);
            String[] copy = a.clone();
            copy[accounts.col("Mã tài khoản")] = newId;
            String cccd = a[accounts.col("Số CCCD")];
            copy[accounts.col("Số CCCD")] = cccd.substring(0, 6) + String.format("%06d", random.nextInt(1_000_000));
            later(accounts, copy);
            if (i == 0) {
                lateAccounts.put(newId, copy);
            } else {
                outAccounts.add(copy);
            }
            accounts.rows().add(copy);
            for (String[] s : assessments.rows().stream().filter(s -> s[assessments.col("Mã tài khoản")].equals(id)).toList()) {
                String[] sc = s.clone();
                sc[assessments.col("Mã tài khoản")] = newId;
                sc[assessments.col("Mã phiếu")] = "PN" + next + "x" + i + s[assessments.col("Mã phiếu")].substring(2);
                later(assessments, sc);
                outAssessments.add(sc);
            }
        }
        accounts.write(folder.resolve("tai_khoan.csv"), outAccounts);
        assessments.write(folder.resolve("phieu_danh_gia.csv"), outAssessments);
        recognitions.write(folder.resolve("cong_nhan.csv"), outRecognitions);
        return String.format("batch %d: %d accounts (%d moved to the 2025 geography, %d deleted), %d assessments,"
                + " %d recognitions", next, outAccounts.size(), moved, deleted, outAssessments.size(), outRecognitions.size());
    }

    private String[] pick(Csv csv) {
        return csv.rows().get(random.nextInt(csv.rows().size()));
    }

    /** Keeps the newest version of a row, so that a later change of it starts from what the warehouse holds. */
    private static void replaceRow(Csv csv, String[] row, String idColumn) {
        int id = csv.col(idColumn);
        for (int i = 0; i < csv.rows().size(); i++) {
            if (csv.rows().get(i)[id].equals(row[id])) {
                csv.rows().set(i, row);
                return;
            }
        }
    }

    /** A version a few minutes after the row's own, so that it wins against what core holds. */
    private void later(Csv csv, String[] row) {
        int i = csv.col("Ngày cập nhật");
        row[i] = LocalDateTime.parse(row[i], TIME).plusMinutes(1 + random.nextInt(30)).format(TIME);
    }
}
