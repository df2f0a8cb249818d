package vn.cdht.reports.delivery;

import vn.cdht.reports.ReportKind;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.activation.DataHandler;
import vn.cdht.reports.registry.RenderedReport;

/** The e-mail that carries one report: a Vietnamese subject and body, and the report's file attached. */
public final class ReportMessage {

    public static final String PDF = "application/pdf";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PROGRAMME = "Công dân học tập";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PlaceNames places;

    public ReportMessage(PlaceNames places) {
        this.places = places;
    }

    /**
     * E.g. "[Công dân học tập] Bản tin tỉnh — Quảng Ngãi — tháng 10/2026"; a fix-list or fix-summary, which is as of
     * the latest batch and not of a month, by its issue date: "... — đơn vị B51pzCjW — lập ngày 01/11/2026".
     */
    public String subject(RenderedReport r) {
        return "[" + PROGRAMME + "] " + label(r) + " — " + place(r) + " — " + when(r);
    }

    public String body(RenderedReport r, String recipientName) {
        StringBuilder b = new StringBuilder();
        b.append("Kính gửi ").append(recipientName == null ? "Quý cơ quan, đơn vị" : recipientName).append(",\n\n");
        b.append("Hệ thống cdht trân trọng gửi kèm ").append(label(r)).append(" — ").append(place(r));
        if (!asOfLatestBatch(r)) {
            b.append(" — ").append(period(r.period()));
        }
        b.append(" của chương trình ").append(PROGRAMME).append(": tệp ").append(r.file().getFileName());
        if (r.pages() != null) {
            b.append(" (").append(r.pages()).append(" trang)");
        }
        b.append(", lập ngày ").append(DAY.format(r.issueDate())).append(".\n\n");
        if (ReportKind.FIX_LIST.code().equals(r.kind())) {
            b.append("Danh sách gồm các dòng dữ liệu của đơn vị chưa được nhận vào kho dữ liệu (chưa được tính vào số"
                    + " liệu nào) hoặc đã được nhận nhưng cần kiểm tra, với lý do và cách sửa trên phần mềm "
                    + PROGRAMME + ". Dòng đã sửa sẽ không còn trong danh sách từ đợt dữ liệu sau.\n\n");
        }
        if (r.personalData() || personalKind(r)) {
            b.append("Tệp này chứa dữ liệu cá nhân của công dân và chỉ dành cho người quản lý đơn vị ").append(r.scope())
                    .append(ReportKind.FIX_LIST.code().equals(r.kind()) ? " để sửa dữ liệu trên phần mềm."
                            : " để phục vụ việc công nhận.")
                    .append(" Xin không chuyển tiếp thư này và không lưu tệp ở nơi người khác có thể đọc được.\n\n");
        }
        b.append("Mã báo cáo: ").append(r.id()).append(". Số liệu được tính từ dữ liệu của phần mềm Công dân học tập;"
                + " báo cáo có thể được lập lại với đúng các số liệu này theo mã trên.\n\n");
        b.append("Đây là thư gửi tự động, xin vui lòng không trả lời thư này.\n\nTrân trọng,\ncdht\n");
        return b.toString();
    }

    /**
     * The whole message, with the report's file attached; fails when the file is missing or is not the file that was
     * registered.
     */
    public MimeMessage compose(Session session, String from, RenderedReport r, Recipient to) throws SendFailure {
        byte[] bytes = readFile(r);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(from, true));
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to.address(), to.name(), "UTF-8"));
            m.setSubject(subject(r), "UTF-8");
            m.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body(r, to.name()), "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, mimeType(r))));
            file.setFileName(r.file().getFileName().toString());
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            // A file that happens to be all ASCII (an uncompressed PDF) would otherwise go as 7bit text, and SMTP
            // would turn its line ends into CRLF: base64 keeps the bytes exactly.
            file.setHeader("Content-Transfer-Encoding", "base64");
            MimeMultipart parts = new MimeMultipart();
            parts.addBodyPart(text);
            parts.addBodyPart(file);
            m.setContent(parts);
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new SendFailure("cannot compose the message of report " + r.id() + " to " + to.address() + ": "
                    + e.getMessage(), null, e);
        }
    }

    /** The MIME type of the report's format: PDF, or an Excel workbook. */
    public static String mimeType(RenderedReport r) {
        String format = r.format().toLowerCase(Locale.ROOT);
        if (format.equals("xlsx") || r.file().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return XLSX;
        }
        return PDF;
    }

    /** "2026-10" is "tháng 10/2026". */
    static String period(String period) {
        Matcher m = PERIOD.matcher(period);
        return m.matches() ? "tháng " + m.group(2) + "/" + m.group(1) : period;
    }

    /** The month of a report, or the issue date of one that is as of the latest batch. */
    private static String when(RenderedReport r) {
        return asOfLatestBatch(r) ? "lập ngày " + DAY.format(r.issueDate()) : period(r.period());
    }

    private static boolean asOfLatestBatch(RenderedReport r) {
        try {
            return ReportKind.of(r.kind()).asOfLatestBatch();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static boolean personalKind(RenderedReport r) {
        try {
            return ReportKind.of(r.kind()).personalData();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String label(RenderedReport r) {
        try {
            return ReportKind.of(r.kind()).title();
        } catch (IllegalArgumentException unknown) {
            return "Báo cáo " + r.kind();
        }
    }

    private String place(RenderedReport r) {
        if (ReportKind.UNIT_LIST.code().equals(r.kind()) || ReportKind.FIX_LIST.code().equals(r.kind())) {
            return "đơn vị " + r.scope();
        }
        return places.name(r.geography(), r.scope());
    }

    private static byte[] readFile(RenderedReport r) throws SendFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(r.file());
        } catch (NoSuchFileException e) {
            throw new SendFailure("the file of report " + r.id() + ", " + r.file() + ", does not exist:"
                    + " render the report again, then run cdht deliver again", null, e);
        } catch (IOException e) {
            throw new SendFailure("cannot read the file of report " + r.id() + ", " + r.file() + ": " + e.getMessage(),
                    null, e);
        }
        if (!sha256(bytes).equalsIgnoreCase(r.sha256())) {
            throw new SendFailure("the file of report " + r.id() + ", " + r.file() + ", is not the file that was"
                    + " registered (its SHA-256 differs): render the report again, then run cdht deliver again", null, null);
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
