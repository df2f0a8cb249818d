package vn.cdht.cli;

import java.util.function.BooleanSupplier;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;
import vn.cdht.orchestration.app.ErrorMessages;

/** Prints a failed command's error as one line, with the stack trace only under --verbose. */
final class OneLineErrors implements IExecutionExceptionHandler {

    private final BooleanSupplier verbose;

    OneLineErrors(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": error: " + ErrorMessages.oneLine(ex));
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return 1;
    }
}
