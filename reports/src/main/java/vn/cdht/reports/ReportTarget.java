package vn.cdht.reports;

/**
 * One report to render: its scope code, the name of the area or unit it is about, and the place printed in the
 * place-and-date line (the province, without "Tỉnh").
 */
public record ReportTarget(String scope, String name, String place) {
}
