package vn.cdht.orchestration.app;

import vn.cdht.warehouse.io.NoSpace;

/** A failure said in one line, in the user's terms: what a command prints and what the run ledger records. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String oneLine(Throwable ex) {
        Throwable t = ex;
        // The outermost exception with a message says what went wrong in the user's terms.
        while (t != null && (t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t == null || t.getMessage() == null ? ex.getClass().getSimpleName() : t.getMessage();
        if (NoSpace.causedBy(ex) && !msg.startsWith("no space left")) {
            msg = NoSpace.message("the device", "writing (" + msg.strip().lines().findFirst().orElse("") + ")");
        }
        String first = msg.strip().lines().findFirst().orElse(msg);
        return first.length() > 400 ? first.substring(0, 400) + "…" : first;
    }
}
