package vn.cdht.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalBatchTest {

    @TempDir
    Path dir;

    @Test
    void aboutOnePercentOfTheRowsChangeOrAreNewAndTheNewAccountsBringTheirAssessments() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        int accounts = 20_000;
        List<String> tk = new ArrayList<>(List.of("Mã tài khoản,Số CCCD,Họ và tên,Số điện thoại,Ngày cập nhật"));
        List<String> pd = new ArrayList<>(List.of("Mã phiếu,Mã tài khoản,Năm đánh giá,Ngày cập nhật"));
        List<String> cn = new ArrayList<>(List.of("Mã tài khoản,Năm,Ngày cập nhật"));
        for (int i = 0; i < accounts; i++) {
            String id = String.format("TK23281%06d", i);
            tk.add(id + "," + String.format("062171%06d", i) + ",Trần Thị Oanh,0881431181,07/02/2024 14:11:06");
            pd.add(String.format("PD2026%010d", i) + "," + id + ",2026,25/10/2026 08:15:54");
            cn.add(id + ",2026,31/12/2026 23:59:30");
        }
        Files.write(full.resolve("tai_khoan.csv"), tk, StandardCharsets.UTF_8);
        Files.write(full.resolve("phieu_danh_gia.csv"), pd, StandardCharsets.UTF_8);
        Files.write(full.resolve("cong_nhan.csv"), cn, StandardCharsets.UTF_8);

        Path out = dir.resolve("incremental");
        Map<String, IncrementalBatch.Counts> counts = IncrementalBatch.write(full, out);

        IncrementalBatch.Counts a = counts.get("tai_khoan");
        assertEquals(accounts, a.read());
        double share = (a.changed() + a.added()) / (double) accounts;
        assertTrue(share > 0.007 && share < 0.013, "about 1% of the accounts: " + share);
        assertTrue(a.changed() > 0 && a.added() > 0);

        List<String> written = Files.readAllLines(out.resolve("tai_khoan.csv"), StandardCharsets.UTF_8);
        assertEquals(tk.get(0), written.get(0), "the header is kept");
        Map<String, String> originals = new HashMap<>();
        tk.stream().skip(1).forEach(l -> originals.put(l.split(",")[0], l));
        for (String line : written.subList(1, written.size())) {
            String[] f = line.split(",");
            assertTrue(f[4].endsWith("14:12:06"), "updated a minute later: " + line);
            if (f[0].startsWith("TN")) {
                String original = originals.get("TK" + f[0].substring(2));
                assertNotEquals(original.split(",")[1], f[1], "a new account has its own CCCD");
                assertEquals(12, f[1].length());
            } else {
                assertNotEquals(originals.get(f[0]).split(",")[3], f[3], "a changed account has a new phone");
            }
        }
        // every new account's assessment and recognition come along, under the new account id
        List<String> assessments = Files.readAllLines(out.resolve("phieu_danh_gia.csv"), StandardCharsets.UTF_8);
        long newAssessments = assessments.stream().filter(l -> l.startsWith("PN")).count();
        assertEquals(a.added(), newAssessments);
        assertTrue(assessments.stream().filter(l -> l.startsWith("PN")).allMatch(l -> l.split(",")[1].startsWith("TN")));
        long newRecognitions = Files.readAllLines(out.resolve("cong_nhan.csv")).stream().filter(l -> l.startsWith("TN")).count();
        assertEquals(a.added(), newRecognitions);
        assertEquals(a.added(), counts.get("cong_nhan").added());
        assertTrue(Files.readAllLines(out.resolve("cong_nhan.csv")).stream().skip(1).noneMatch(l -> l.endsWith("31/12/2026 23:59:30")));

        // deterministic
        Map<String, IncrementalBatch.Counts> again = IncrementalBatch.write(full, dir.resolve("again"));
        assertEquals(counts, again);
        assertEquals(Files.readString(out.resolve("phieu_danh_gia.csv")), Files.readString(dir.resolve("again/phieu_danh_gia.csv")));
        assertFalse(Files.exists(out.resolve("don_vi.csv")), "units and population are not part of the second batch");
    }
}
