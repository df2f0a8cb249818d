package vn.cdht.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One invocation of the cdht command line in this JVM, with its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    /** The environment of a test installation in {@code home}: a small local Spark and a fixed pseudonym secret. */
    static Map<String, String> testEnv(java.nio.file.Path home) {
        return Map.of("CDHT_HOME", home.toString(), "CDHT_SPARK_MASTER", "local[2]", "CDHT_SPARK_SHUFFLE_PARTITIONS", "2",
                "CDHT_PSEUDONYM_SECRET", "a test secret of more than sixteen bytes");
    }

    /** {@code cdht ARGS --home HOME}. */
    static CliRun inHome(java.nio.file.Path home, Map<String, String> env, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        return of(env, all);
    }

    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cdht.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
