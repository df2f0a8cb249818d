package vn.cdht.cli;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses text from the command line that holds control characters (CR, LF, ESC, …): a subscriber name with a line
 * feed would forge a mail header or a log line, and an escape sequence would rewrite the terminal of whoever lists
 * it. Only the SQL of {@code cdht sql} may span lines.
 */
final class ControlCharacters implements CommandLine.IExecutionStrategy {

    private final CommandLine.IExecutionStrategy next;

    ControlCharacters(CommandLine.IExecutionStrategy next) {
        this.next = next;
    }

    @Override
    public int execute(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            boolean multiLineAllowed = pr.commandSpec().userObject() instanceof SqlCommand;
            for (ArgSpec arg : pr.matchedArgs()) {
                if (multiLineAllowed && !(arg instanceof OptionSpec)) {
                    continue;
                }
                Optional<String> problem = problem(arg.getValue());
                if (problem.isPresent()) {
                    String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
                    throw new CommandLine.ParameterException(pr.commandSpec().commandLine(),
                            name + " holds a control character (" + problem.get() + "); type it without one");
                }
            }
        }
        return next.execute(parseResult);
    }

    /** The first control character in a value (a text, or a list or array of texts), described. */
    static Optional<String> problem(Object value) {
        if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                    return Optional.of(String.format("U+%04X%s", (int) c, switch (c) {
                        case '\n' -> ", line feed";
                        case '\r' -> ", carriage return";
                        case '\t' -> ", tab";
                        case 0x1B -> ", escape";
                        default -> "";
                    }));
                }
            }
            return Optional.empty();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(ControlCharacters::problem).flatMap(Optional::stream).findFirst();
        }
        if (value instanceof Object[] a) {
            return problem(List.of(a));
        }
        return Optional.empty();
    }
}
