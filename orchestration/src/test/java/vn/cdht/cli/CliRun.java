package vn.cdht.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One invocation of the cdht command line in this JVM, with its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cdht.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
