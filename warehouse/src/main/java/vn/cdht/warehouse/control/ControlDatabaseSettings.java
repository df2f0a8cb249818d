package vn.cdht.warehouse.control;

import vn.cdht.warehouse.config.CdhtConfig;

/** Where the control database is: a JDBC URL and optional credentials. */
public record ControlDatabaseSettings(String url, String user, String password) {

    public static ControlDatabaseSettings from(CdhtConfig config) {
        return new ControlDatabaseSettings(
                config.require("control.url"),
                config.find("control.user").orElse(null),
                config.find("control.password").orElse(null));
    }

    public ControlDialect dialect() {
        return ControlDialect.of(url);
    }

    /** The URL without credentials, for messages. */
    public String displayUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
