package vn.cdht.cli;

/**
 * The exit codes of every command, so that cron, the embedded scheduler and Airflow can tell what happened:
 * <ul>
 *   <li>{@code 0}: done; every row was accepted, or quarantined row by row with a reason;</li>
 *   <li>{@code 1}: failed (nothing committed by the failed step; running it again is safe);</li>
 *   <li>{@code 2}: a usage error (unknown option, missing argument);</li>
 *   <li>{@code 3}: done, but at least one file was rejected whole: its rows are not in the warehouse until a
 *       corrected file is delivered.</li>
 * </ul>
 */
final class ExitCodes {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REJECTED = 3;

    private ExitCodes() {
    }
}
