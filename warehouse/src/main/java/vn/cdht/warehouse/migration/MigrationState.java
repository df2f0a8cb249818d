package vn.cdht.warehouse.migration;

/** Where one migration stands against the warehouse's schema history (like {@code flyway info}). */
public enum MigrationState {
    /** applied, and the script is as it was then */
    APPLIED,
    /** not applied yet */
    PENDING,
    /** it failed at a statement; the next migrate resumes there */
    FAILED,
    /** applied, but its script was edited since: refused until it is put back */
    CHANGED,
    /** applied by a newer cdht: this one does not have its script */
    UNKNOWN,
    /** never applied, and older than the warehouse's version: refused until it is given a newer version */
    OUT_OF_ORDER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
