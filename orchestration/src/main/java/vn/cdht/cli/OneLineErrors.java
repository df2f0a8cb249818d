package vn.cdht.cli;

import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import vn.cdht.warehouse.io.NoSpace;

/** Prints a failed command's error as one line, with the stack trace only under --verbose. */
final class OneLineErrors implements IExecutionExceptionHandler {

    private final BooleanSupplier verbose;

    OneLineErrors(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": error: " + message(ex));
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return 1;
    }

    static String message(Throwable ex) {
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
