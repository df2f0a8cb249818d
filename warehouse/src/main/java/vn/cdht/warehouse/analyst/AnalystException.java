package vn.cdht.warehouse.analyst;

/** A failure of the analyst database, as one line that says what to do. */
public final class AnalystException extends RuntimeException {

    public AnalystException(String message) {
        super(message);
    }

    public AnalystException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of a DuckDB (or any) error: DuckDB adds the offending SQL and a caret on further lines. */
    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().lines().findFirst().orElse(m).strip();
    }
}
