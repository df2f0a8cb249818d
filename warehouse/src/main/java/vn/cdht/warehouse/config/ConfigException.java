package vn.cdht.warehouse.config;

/** A configuration problem the user can fix; its message says how. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
