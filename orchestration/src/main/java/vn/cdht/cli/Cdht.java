package vn.cdht.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "cdht",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Analytics warehouse and reporting pipeline for the \"Công dân học tập\" (Learning Citizen) programme.",
                "",
                "Start with 'cdht demo'. Every command explains itself with --help."},
        footer = {"",
                "Configuration: built-in defaults, then the --config file, then CDHT_<KEY> environment",
                "variables (catalog.uri -> CDHT_CATALOG_URI).",
                "Exit codes: 0 done (bad rows quarantined row by row); 1 failed; 2 usage error;",
                "3 done, but a file was rejected whole (its rows are not in; deliver it corrected)."},
        subcommands = {
                DemoCommand.class,
                ModelsCommand.class,
                StatusCommand.class,
                PublishCommand.class,
                MaintainCommand.class,
                BulletinCommand.class,
                RunCommand.class,
                RunsCommand.class,
                SqlCommand.class,
                SubscribersCommand.class,
                DeliverCommand.class,
                SchedulerCommand.class,
                GenerateCommand.class,
                IngestCommand.class,
                BatchesCommand.class,
                QuarantineCommand.class,
                IndicatorsCommand.class,
                RotateKeyCommand.class,
                DbCommand.class,
                WarehouseCommand.class,
                ReferenceCommand.class,
                AirflowCommand.class,
                CommandLine.HelpCommand.class})
public final class Cdht implements Runnable {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Root of everything the embedded installation writes (env CDHT_HOME; default ./var).")
    Path home;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (env CDHT_CONFIG); every key can also be overridden by CDHT_<KEY>.")
    Path config;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces and detailed logs on errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private Map<String, String> env = System.getenv();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Map<String, String> env() {
        return env;
    }

    /** Opens what a command needs, lazily; the command closes it. */
    CdhtContext context() {
        return context(Map.of());
    }

    /** A context whose configuration also has these {@code CDHT_<KEY>} overrides (a command's own options). */
    CdhtContext context(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(this.env);
        env.putAll(overrides);
        Path file = config;
        if (file == null && env.get("CDHT_CONFIG") != null && !env.get("CDHT_CONFIG").isBlank()) {
            file = Path.of(env.get("CDHT_CONFIG"));
        }
        return new CdhtContext(home, file, env, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        JvmPeaks.installIfRequested();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        Cdht root = new Cdht();
        root.env = env;
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new OneLineErrors(() -> root.verbose));
        cl.setExecutionStrategy(new ControlCharacters(new CommandLine.RunLast()));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("cdht: error: out of memory; give cdht more memory (CDHT_JAVA_OPTS=-Xmx8g ./cdht …) and run again");
            err.flush();
            return ExitCodes.FAILED;
        }
    }
}
