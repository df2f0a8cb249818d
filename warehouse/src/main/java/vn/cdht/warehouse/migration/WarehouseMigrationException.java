package vn.cdht.warehouse.migration;

/** The warehouse cannot be migrated: the message says which script and what to do, in one line. */
public final class WarehouseMigrationException extends RuntimeException {

    public WarehouseMigrationException(String message) {
        super(message);
    }

    public WarehouseMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
