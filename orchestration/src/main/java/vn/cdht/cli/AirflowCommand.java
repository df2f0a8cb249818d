package vn.cdht.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;
import vn.cdht.orchestration.airflow.AirflowClient;
import vn.cdht.orchestration.airflow.AirflowDag;
import vn.cdht.orchestration.airflow.AirflowException;
import vn.cdht.orchestration.airflow.AirflowHealth;
import vn.cdht.orchestration.airflow.AirflowSettings;
import vn.cdht.orchestration.airflow.Dag;
import vn.cdht.orchestration.airflow.DagRun;
import vn.cdht.orchestration.airflow.TaskInstance;
import vn.cdht.orchestration.airflow.TaskInstances;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.warehouse.config.VietnamTime;

@Command(name = "airflow", mixinStandardHelpOptions = true,
        description = {"Run the pipeline under Apache Airflow 3.",
                "'dag' writes the DAG file (one task per stage: ingest, indicators, publish, bulletins, deliver; the",
                "Spark stages submitted with spark-submit). The other subcommands drive it through Airflow's REST API",
                "(/api/v2 of airflow.url) as airflow.username / airflow.password (or airflow.password-env), or with",
                "airflow.token, about the DAG airflow.dag-id (default cdht_pipeline)."},
        subcommands = {AirflowCommand.DagFile.class, AirflowCommand.Health.class, AirflowCommand.Trigger.class,
                AirflowCommand.Status.class, AirflowCommand.Wait.class, AirflowCommand.Pause.class,
                AirflowCommand.Unpause.class},
        footer = {"", "Examples:",
                "  cdht airflow dag --out /opt/airflow/dags/cdht_pipeline.py",
                "  export CDHT_AIRFLOW_URL=http://airflow:8080 CDHT_AIRFLOW_USERNAME=cdht",
                "  export CDHT_AIRFLOW_PASSWORD=...          # or CDHT_AIRFLOW_TOKEN=...",
                "  cdht airflow health",
                "  cdht airflow trigger --conf period=2026-10",
                "  cdht airflow wait --run-id manual__2026-11-01T02:00:00+00:00 --timeout 3h",
                "  cdht airflow status --run-id manual__2026-11-01T02:00:00+00:00"})
final class AirflowCommand extends CommandGroup {

    /** --dag-id, for the subcommands that talk to Airflow. */
    static final class DagIdOption {
        @Option(names = "--dag-id", paramLabel = "ID",
                description = "The DAG (default: the configuration key airflow.dag-id, cdht_pipeline).")
        String dagId;

        String resolve(AirflowSettings settings) {
            return dagId != null ? dagId : settings.dagId();
        }
    }

    /** The client and the DAG id a subcommand works with. */
    private record Session(AirflowClient client, String dagId, PrintWriter out) {
    }

    private Session session(CdhtContext ctx, DagIdOption option) {
        AirflowSettings settings = AirflowSettings.from(ctx.config(), root.env()::get);
        AirflowClient client = new AirflowClient(settings);
        return new Session(client, option.resolve(settings), ctx.out());
    }

    @Command(name = "dag", mixinStandardHelpOptions = true,
            description = {"Write the pipeline's Airflow 3 DAG (a Python file).",
                    "To standard output or --out FILE. One task per stage, chained in order, each 'cdht run --only",
                    "<stage> --period yyyy-MM' with its retries; the Spark stages (ingest, indicators) are SparkSubmitOperator tasks on the connection",
                    "spark_default running the jar of the Airflow Variable cdht_jar, the others BashOperator tasks running",
                    "cdht (Variable cdht_bin). Daily at 02:00 Vietnam time, no catch-up, one run at a time. The same",
                    "file is committed as " + AirflowDag.COMMITTED_FILE + "."},
            footer = {"", "Examples:",
                    "  cdht airflow dag > cdht_pipeline.py",
                    "  cdht airflow dag --out /opt/airflow/dags/cdht_pipeline.py",
                    "  CDHT_AIRFLOW_DAG_ID=cdht_test cdht airflow dag --out /opt/airflow/dags/cdht_test.py"})
    static final class DagFile implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the DAG to this file (default: standard output).")
        Path out;

        @Mixin
        DagIdOption dag;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                String dagId = dag.dagId != null ? dag.dagId : AirflowSettings.from(ctx.config(), parent.root.env()::get).dagId();
                String text = AirflowDag.render(dagId);
                if (out == null) {
                    ctx.out().print(text);
                    ctx.out().flush();
                    return 0;
                }
                write(out, text);
                String stages = java.util.Arrays.stream(PipelineStage.values()).map(PipelineStage::code)
                        .collect(Collectors.joining(" -> "));
                ctx.out().println("DAG " + dagId + " (" + stages + ") written to " + out
                        + ": put it in Airflow's DAGs folder.");
                ctx.out().flush();
                return 0;
            }
        }

        private static void write(Path file, String text) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".cdht_pipeline", ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = {"Show the health of Airflow's components.",
                    "GET /api/v2/monitor/health (no credentials needed): metadatabase, scheduler, triggerer, DAG",
                    "processor. Exit code 1 when one is not healthy."},
            footer = {"", "Example:", "  CDHT_AIRFLOW_URL=http://airflow:8080 cdht airflow health"})
    static final class Health implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                AirflowClient client = new AirflowClient(AirflowSettings.from(ctx.config(), parent.root.env()::get));
                AirflowHealth health = client.health();
                TextTable t = new TextTable("COMPONENT", "STATUS", "LATEST HEARTBEAT (ICT)");
                for (AirflowHealth.Component c : health.components()) {
                    t.row(c.name(), c.status() == null ? "(unknown)" : c.status(), localTime(c.latestHeartbeat()));
                }
                t.print(ctx.out());
                String url = client.settings().url().toString();
                if (!health.healthy()) {
                    throw new AirflowException("Airflow at " + url + " is not healthy: " + health.components().stream()
                            .filter(c -> c.status() != null && !"healthy".equals(c.status()))
                            .map(c -> c.name() + " " + c.status()).collect(Collectors.joining(", ")));
                }
                ctx.out().println("Airflow at " + url + " is healthy.");
                ctx.out().flush();
                return 0;
            }
        }
    }

    @Command(name = "trigger", mixinStandardHelpOptions = true,
            description = {"Start a run of the pipeline's DAG now and print its id.",
                    "POST /api/v2/dags/{dag_id}/dagRuns.",
                    "--conf sets the run's params: period=yyyy-MM is the month to report on (default: the last complete",
                    "month). Follow the run with 'cdht airflow wait' or 'cdht airflow status'."},
            footer = {"", "Examples:",
                    "  cdht airflow trigger",
                    "  cdht airflow trigger --conf period=2026-10",
                    "  cdht airflow trigger --logical-date 2026-11-01 --run-id bulletins-2026-10 --conf period=2026-10"})
    static final class Trigger implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Mixin
        DagIdOption dag;

        @Option(names = "--logical-date", paramLabel = "DATE", converter = LogicalDate.class,
                description = "The run's logical date: 2026-11-01, 2026-11-01T02:00 (Vietnam time) or with an offset,"
                        + " 2026-11-01T02:00:00+07:00 (default: none, as Airflow 3 allows for manual runs).")
        OffsetDateTime logicalDate;

        @Option(names = "--run-id", paramLabel = "ID", description = "The run's id (default: Airflow's, manual__<time>).")
        String runId;

        @Option(names = "--conf", paramLabel = "KEY=VALUE",
                description = "A param of the run, e.g. period=2026-10 (repeatable).")
        Map<String, String> conf = new LinkedHashMap<>();

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                Session s = parent.session(ctx, dag);
                DagRun run = s.client().triggerDagRun(s.dagId(), runId, logicalDate, conf);
                s.out().println("Triggered run " + run.dagRunId() + " of DAG " + run.dagId() + " (" + run.state()
                        + (run.logicalDate() == null ? "" : ", logical date " + DbCommand.LOCAL_TIME.format(run.logicalDate())
                        + " ICT") + ").");
                s.out().println("Follow it: cdht airflow wait --run-id " + run.dagRunId());
                s.out().flush();
                return 0;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Show a run of the pipeline's DAG and its tasks.",
                    "The run's state, logical date, start and end, then each task's state, attempt, start and end",
                    "(times in Vietnam time)."},
            footer = {"", "Example:", "  cdht airflow status --run-id manual__2026-11-01T02:00:00+00:00"})
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Mixin
        DagIdOption dag;

        @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run (as 'cdht airflow trigger' printed it).")
        String runId;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                Session s = parent.session(ctx, dag);
                DagRun run = s.client().getDagRun(s.dagId(), runId);
                printRun(s, run);
                return 0;
            }
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = {"Wait until a run of the pipeline's DAG is over, then show it.",
                    "Polls Airflow every --poll-interval, reports each change of state on standard error, and shows",
                    "the run like 'status'. Exit code 0 when the run succeeded, 1 when it failed or is still going",
                    "after --timeout (it goes on in Airflow)."},
            footer = {"", "Examples:",
                    "  cdht airflow wait --run-id manual__2026-11-01T02:00:00+00:00",
                    "  cdht airflow wait --run-id scheduled__2026-11-01T19:00:00+00:00 --timeout 3h --poll-interval 1m"})
    static final class Wait implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Mixin
        DagIdOption dag;

        @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run (as 'cdht airflow trigger' printed it).")
        String runId;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "6h",
                description = "How long to wait: 90s, 45m, 6h (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
                description = "How often to ask Airflow: 500ms, 10s, 1m (default: ${DEFAULT-VALUE}).")
        Duration pollInterval;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                Session s = parent.session(ctx, dag);
                ctx.progress("waiting for run " + runId + " of DAG " + s.dagId() + " (at most " + format(timeout) + ")");
                DagRun run = s.client().waitFor(s.dagId(), runId, timeout, pollInterval,
                        r -> ctx.progress("run " + r.dagRunId() + ": " + r.state()));
                List<TaskInstance> tasks = printRun(s, run);
                if (!"success".equals(run.state())) {
                    List<String> failed = tasks.stream().filter(t -> "failed".equals(t.state()))
                            .map(TaskInstance::taskId).toList();
                    throw new AirflowException("run " + runId + " of DAG " + s.dagId() + " " + run.state()
                            + (failed.isEmpty() ? "" : " at task" + (failed.size() == 1 ? " " : "s ") + String.join(", ", failed))
                            + ": see the task's log in Airflow, then clear the task there or trigger a new run");
                }
                return 0;
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = {"Pause the pipeline's DAG.",
                    "PATCH /api/v2/dags/{dag_id}: Airflow starts no scheduled runs until it is unpaused (a run already",
                    "going finishes)."},
            footer = {"", "Example:", "  cdht airflow pause"})
    static final class Pause implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Mixin
        DagIdOption dag;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                Session s = parent.session(ctx, dag);
                Dag d = s.client().pause(s.dagId());
                s.out().println("DAG " + d.dagId() + " is " + (d.paused() ? "paused" : "NOT paused")
                        + ": no scheduled runs until 'cdht airflow unpause'.");
                s.out().flush();
                return d.paused() ? 0 : 1;
            }
        }
    }

    @Command(name = "unpause", mixinStandardHelpOptions = true,
            description = {"Unpause the pipeline's DAG.",
                    "Airflow runs it on its schedule again (daily at 02:00 Vietnam time), without catching up on",
                    "the days it was paused."},
            footer = {"", "Example:", "  cdht airflow unpause"})
    static final class Unpause implements Callable<Integer> {
        @ParentCommand
        AirflowCommand parent;

        @Mixin
        DagIdOption dag;

        @Override
        public Integer call() {
            try (CdhtContext ctx = parent.root.context()) {
                Session s = parent.session(ctx, dag);
                Dag d = s.client().unpause(s.dagId());
                s.out().println("DAG " + d.dagId() + " is " + (d.paused() ? "still paused" : "unpaused")
                        + ": it runs on its schedule (" + AirflowDag.SCHEDULE + ", " + AirflowDag.TIME_ZONE + ").");
                s.out().flush();
                return d.paused() ? 1 : 0;
            }
        }
    }

    /** Prints the run and the table of its tasks (in stage order); returns the tasks. */
    private static List<TaskInstance> printRun(Session s, DagRun run) {
        PrintWriter w = s.out();
        w.println("Run:          " + run.dagRunId() + " (DAG " + run.dagId() + ")");
        w.println("State:        " + run.state());
        w.println("Logical date: " + (run.logicalDate() == null ? "(none)" : DbCommand.LOCAL_TIME.format(run.logicalDate()) + " ICT"));
        w.println("Started:      " + (run.startDate() == null ? "(not yet)" : DbCommand.LOCAL_TIME.format(run.startDate()) + " ICT"));
        w.println("Ended:        " + (run.endDate() == null ? "(not yet)" : DbCommand.LOCAL_TIME.format(run.endDate()) + " ICT"));
        TaskInstances tasks = s.client().taskInstances(run.dagId() == null ? s.dagId() : run.dagId(), run.dagRunId());
        List<TaskInstance> ordered = new ArrayList<>(tasks.taskInstances());
        ordered.sort(Comparator.comparingInt(AirflowCommand::stageOrder).thenComparing(TaskInstance::taskId));
        if (ordered.isEmpty()) {
            w.println("No task instances yet.");
        } else {
            w.println();
            TextTable t = new TextTable("TASK", "STATE", "TRY", "STARTED (ICT)", "ENDED (ICT)");
            for (TaskInstance ti : ordered) {
                t.row(ti.taskId(), ti.state() == null ? "(none)" : ti.state(), ti.tryNumber(),
                        ti.startDate() == null ? "" : DbCommand.LOCAL_TIME.format(ti.startDate()),
                        ti.endDate() == null ? "" : DbCommand.LOCAL_TIME.format(ti.endDate()));
            }
            t.print(w);
        }
        w.flush();
        return ordered;
    }

    private static int stageOrder(TaskInstance t) {
        for (PipelineStage stage : PipelineStage.values()) {
            if (stage.code().equals(t.taskId())) {
                return stage.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String localTime(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return DbCommand.LOCAL_TIME.format(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (d.toMillis() % 1000 != 0 || s == 0) {
            return d.toMillis() + " ms";
        }
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** 500ms, 90s, 45m, 6h, or ISO-8601 (PT1H30M). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)").matcher(v);
            Duration d = null;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    // said below
                }
            }
            if (d == null || d.isZero() || d.isNegative()) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 90s, 45m or 6h");
            }
            return d;
        }
    }

    /** 2026-11-01 (midnight), 2026-11-01T02:00 (both Vietnam time), or with an offset. */
    static final class LogicalDate implements ITypeConverter<OffsetDateTime> {
        private static final ZoneId ICT = VietnamTime.ZONE;

        @Override
        public OffsetDateTime convert(String value) {
            String v = value.strip();
            try {
                return OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                // try the local forms
            }
            try {
                return LocalDateTime.parse(v).atZone(ICT).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                // try a date
            }
            try {
                return LocalDate.parse(v).atStartOfDay(ICT).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date such as 2026-11-01, 2026-11-01T02:00"
                        + " or 2026-11-01T02:00:00+07:00");
            }
        }
    }
}
