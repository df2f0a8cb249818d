package vn.cdht.orchestration.airflow;

/** A failed conversation with Airflow, as one line that says what went wrong and what to do. */
public final class AirflowException extends RuntimeException {

    private final int status;

    public AirflowException(String message) {
        this(message, 0, null);
    }

    public AirflowException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Airflow answered, or 0 when there was no answer (or no HTTP error). */
    public int status() {
        return status;
    }
}
