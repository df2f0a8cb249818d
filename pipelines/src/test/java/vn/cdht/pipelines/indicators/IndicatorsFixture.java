package vn.cdht.pipelines.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hand-made export batch of {@link IndicatorsTest} (its figures are worked out there), as files in a folder. */
public final class IndicatorsFixture {

    private IndicatorsFixture() {
    }

    /** Writes the batch's five files into {@code batch} (created if need be) and returns it. */
    public static Path write(Path batch) throws IOException {
        Files.createDirectories(batch);
        write(batch.resolve("don_vi.csv"), "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã tỉnh,Mã huyện,Mã xã,Số thành viên,Ngày cập nhật\n"
                + "UnitTB01,Trường Tiểu học Trà Bùi,Trường học,51,525,21142,10,10/01/2024\n");
        write(batch.resolve("tai_khoan.csv"), "Mã tài khoản,Số CCCD,Họ và tên,Ngày sinh,Giới tính,Mã tỉnh,Mã huyện,Mã xã,Mã đơn vị,"
                + "Nhóm đối tượng,Ngày đăng ký,Ngày cập nhật,Trạng thái\n"
                + "A1,051090000001,Hồ Văn Một,01/01/1990,Nam,51,525,21142,UnitTB01,III,05/03/2024,05/03/2024,Hoạt động\n"
                + "A2,051090000002,Hồ Văn Hai,01/01/1990,Nam,51,525,21142,UnitTB01,III,20/03/2024,20/03/2024,Hoạt động\n"
                + "A3,051090000003,Hồ Văn Ba,01/01/1990,Nam,51,525,21142,UnitTB01,III,10/09/2024,10/09/2024,Hoạt động\n"
                + "A4,051090000004,Hồ Văn Bốn,01/01/1990,Nam,51,525,21142,UnitTB01,III,01/10/2024,01/10/2024,Đã khóa\n"
                + "A5,062090000005,Hồ Văn Năm,01/01/1990,Nam,62,608,23281,,III,01/04/2024,01/04/2024,Hoạt động\n"
                // A9: a CCCD of 10 digits: quarantined, counted nowhere but in mart.data_quality
                + "A9,0510900000,Hồ Văn Chín,01/01/1990,Nam,51,525,21142,UnitTB01,III,01/04/2024,01/04/2024,Hoạt động\n");
        String header = "Mã phiếu,Mã tài khoản,Năm đánh giá,Bộ tiêu chí,Nhóm đối tượng,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10,"
                + "Tổng điểm,Kết quả,Ngày gửi,Ngày cập nhật\n";
        write(batch.resolve("phieu_danh_gia.csv"), header
                + "P1,A1,2024,324/QĐ-KHVN,III,8,8,8,8,8,8,8,8,8,8,80,Đạt,05/09/2024,05/09/2024\n"
                + "P2,A1,2024,324/QĐ-KHVN,III,4,4,4,4,4,4,4,4,4,4,40,Không đạt,10/10/2024,10/10/2024\n"
                + "P3,A1,2024,324/QĐ-KHVN,III,7,7,7,3,7,7,7,7,7,7,66,Đạt,20/10/2024,20/10/2024\n"
                + "Q1,A2,2024,324/QĐ-KHVN,III,4,4,4,4,4,4,4,4,4,4,40,Không đạt,15/10/2024,15/10/2024\n"
                + "R1,A5,2024,324/QĐ-KHVN,III,8,8,8,8,8,8,8,8,8,8,80,Đạt,20/09/2024,20/09/2024\n");
        write(batch.resolve("cong_nhan.csv"), "Mã tài khoản,Năm,Số quyết định,Ngày quyết định,Mã đơn vị\n"
                + "A1,2024,5/QĐ-THTB,20/11/2024,UnitTB01\n");
        write(batch.resolve("dan_so.csv"), "Năm,Mã xã,Số người trong độ tuổi\n2024,21142,100\n2024,23281,50\n");
        return batch;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
