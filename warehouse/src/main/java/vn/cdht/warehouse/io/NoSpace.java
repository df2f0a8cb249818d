package vn.cdht.warehouse.io;

import java.util.Locale;

/**
 * A full disk, recognised wherever it surfaces (Java's FileSystemException, Hadoop's FSError, SQLite's SQLITE_FULL,
 * a Spark task failure wrapping either), so that the user is told it in one line instead of a stack trace.
 */
public final class NoSpace {

    private NoSpace() {
    }

    /** Whether a full disk caused this failure. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                String m = message.toLowerCase(Locale.ROOT);
                if (m.contains("no space left on device") || m.contains("sqlite_full") || m.contains("disk quota exceeded")
                        || m.contains("database or disk is full")) {
                    return true;
                }
            }
            for (Throwable s : t.getSuppressed()) {
                if (causedBy(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The one-line message: where, while doing what, and what to do. */
    public static String message(String where, String doing) {
        return "no space left on " + where + " while " + doing + "; free space and run again";
    }
}
