package vn.cdht.warehouse.control;

/** The control database could not be reached or written. */
public class ControlDatabaseException extends RuntimeException {
    public ControlDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
