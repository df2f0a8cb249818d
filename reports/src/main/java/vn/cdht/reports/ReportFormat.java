package vn.cdht.reports;

import java.util.Locale;

/** The file formats a report is rendered to. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String code;
    private final String mimeType;

    ReportFormat(String code, String mimeType) {
        this.code = code;
        this.mimeType = mimeType;
    }

    public String code() {
        return code;
    }

    public String mimeType() {
        return mimeType;
    }

    public static ReportFormat of(String code) {
        for (ReportFormat f : values()) {
            if (f.code.equals(code.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ReportException("unknown format '" + code + "': use pdf or xlsx");
    }
}
