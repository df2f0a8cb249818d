package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.pipelines.SharedSpark;
import vn.cdht.pipelines.SharedWarehouse;
import vn.cdht.pipelines.source.SourceRow;
import vn.cdht.pipelines.warehouse.PersonalNamespaces;
import vn.cdht.pipelines.warehouse.WarehouseMigrations;
import vn.cdht.warehouse.catalog.CatalogSettings;
import vn.cdht.warehouse.privacy.OwnerOnly;
import vn.cdht.warehouse.source.SourceEntity;

/** After a real ingestion, under the test JVM's umask (022 by default): no personal data readable by others. */
class PersonalDataPermissionsTest {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    @Test
    void rawRestrictedQuarantineAndStagingAreTheOwnersAlone() throws IOException {
        SharedWarehouse.clearIngestedData();
        Path batch = Files.createDirectories(dir.resolve("batch"));
        Files.writeString(batch.resolve("don_vi.csv"), "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã tỉnh,Mã huyện,Mã xã,"
                + "Số thành viên,Ngày cập nhật\nXk9mQ2aZ,UBND Phường Kon Tum,UBND xã,51,,23293,25,1/8/2025\n", StandardCharsets.UTF_8);
        Files.writeString(batch.resolve("tai_khoan.csv"), "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,"
                + "Số điện thoại,Mã tỉnh,Mã huyện,Mã xã,Mã đơn vị,Nhóm đối tượng,Ngày đăng ký,Ngày cập nhật,Trạng thái,Ghi chú\n"
                + "TK2,062301654321,Trần Thị Bình,2001-02-02,Nữ,,51,,23293,Xk9mQ2aZ,III,2025-08-01 10:00,2025-08-01 10:00,,\n"
                // no CCCD: quarantined
                + "TK6,,Phạm Văn Sáu,1990-01-01,Nam,,51,,23293,Xk9mQ2aZ,III,2025-08-01,2025-08-01,,\n", StandardCharsets.UTF_8);

        new BatchIngestion(SharedWarehouse.spark(), SharedWarehouse.ledger(), SharedWarehouse.staging(), m -> { }).run(batch);

        Path warehouse = OwnerOnly.localPath(CatalogSettings.from(SharedSpark.config()).warehouse()).orElseThrow();
        for (String ns : PersonalNamespaces.NAMES) {
            Path folder = warehouse.resolve(ns);
            assertEquals("rwx------", mode(folder), folder.toString());
            List<Path> files = walk(folder).filter(Files::isRegularFile).toList();
            assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".parquet")), ns + " has data files: " + files);
            for (Path p : walk(folder).toList()) {
                assertTrue(Files.getPosixFilePermissions(p).stream().noneMatch(GROUP_OR_OTHERS::contains), p + " " + mode(p));
            }
        }
        assertEquals("rwx------", mode(SharedSpark.config().home().resolve("staging")));
        // a folder left readable by an older version is made owner-only again
        Files.setPosixFilePermissions(warehouse.resolve("raw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        WarehouseMigrations.of(SharedWarehouse.spark(), m -> { }).migrate();
        assertEquals("rwx------", mode(warehouse.resolve("raw")));

        StagingArea staging = SharedWarehouse.staging();
        try (StagingArea.Writer w = staging.open("permissions-test", SourceEntity.ACCOUNTS, "tai_khoan.csv")) {
            w.accept(new SourceRow(2, Map.of("account_id", "TK2"), "TK2,062301654321"));
        }
        Path stagedFolder = SharedSpark.config().home().resolve("staging/permissions-test/accounts");
        Path staged = walk(stagedFolder).filter(p -> p.getFileName().toString().endsWith("tai_khoan.csv.parquet"))
                .findFirst().orElseThrow(() -> new AssertionError("no staged file in " + stagedFolder));
        assertTrue(Files.isRegularFile(staged), staged.toString());
        assertEquals("rw-------", mode(staged));
        staging.delete("permissions-test");
        assertFalse(Files.exists(staged));
    }

    private static Stream<Path> walk(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.toList().stream();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
