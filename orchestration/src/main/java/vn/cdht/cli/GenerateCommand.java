package vn.cdht.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.cdht.generator.DirtReport;
import vn.cdht.generator.GenerationResult;
import vn.cdht.generator.GeneratorSpec;
import vn.cdht.generator.OperationalDataGenerator;
import vn.cdht.generator.OutputFormat;
import vn.cdht.warehouse.source.SourceEntity;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a realistic synthetic operational export (or database) for a real province.",
                "Units, accounts, self-assessments, recognitions and eligible population on the real geography "
                        + "(old codes before 1 July 2025, new codes after), following the campaign's calendar.",
                "--province takes a 2025 province code (all old provinces merged into it, e.g. 51 = old 51 + 62), "
                        + "a code of the 2024 geography only (e.g. 62), or old:NN to force the 2024 meaning.",
                "The export is taken at the start of --as-of (default: today in Vietnam): everything in it happened "
                        + "before that day, and the last year is at most that day's year.",
                "The same options (and as-of day) give the same bytes. --dirty-rate adds the mess real exports carry "
                        + "(counted and printed), --jdbc loads a PostgreSQL database instead of writing files "
                        + "(dan_so still goes to --out as CSV)."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--province", required = true, paramLabel = "CODE",
            description = "Province code: 2025 code, 2024-only code, or old:NN.")
    String province;

    @Option(names = "--from-year", defaultValue = "2023", paramLabel = "Y", description = "First year (default ${DEFAULT-VALUE}).")
    int fromYear;

    @Option(names = "--to-year", paramLabel = "Y",
            description = "Last year (default and at most: the year of --as-of).")
    Integer toYear;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
            description = "The day the export is taken, at its start: nothing is dated on or after it "
                    + "(default: today in Vietnam time).")
    String asOf;

    @Option(names = "--scale", defaultValue = "0.01", paramLabel = "F",
            description = "People relative to the real order of magnitude (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|xlsx", description = "Export format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (required unless --jdbc).")
    Path out;

    @Option(names = "--dirty-rate", defaultValue = "0", paramLabel = "R",
            description = "Probability per row of each kind of mess, 0..1 (default ${DEFAULT-VALUE}: clean).")
    double dirtyRate;

    @Option(names = "--jdbc", paramLabel = "URL", description = "Load into this PostgreSQL database instead of writing files.")
    String jdbc;

    @Option(names = "--user", paramLabel = "U", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the database password.")
    String passwordEnv;

    @Override
    public Integer call() throws Exception {
        if (out == null && jdbc == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: --out=DIR (or --jdbc=URL)");
        }
        Optional<GeneratorSpec.JdbcTarget> target = Optional.empty();
        if (jdbc != null) {
            String password = null;
            if (passwordEnv != null) {
                password = System.getenv(passwordEnv);
                if (password == null) {
                    throw new ParameterException(spec.commandLine(), "environment variable " + passwordEnv + " is not set");
                }
            }
            target = Optional.of(new GeneratorSpec.JdbcTarget(jdbc, user, password));
        }
        LocalDate day;
        if (asOf == null) {
            day = GeneratorSpec.today();
        } else {
            try {
                day = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--as-of must be a day as yyyy-MM-dd, not '" + asOf + "'");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        int lastYear = toYear == null ? day.getYear() : toYear;
        if (lastYear > day.getYear()) {
            err.println("--to-year " + lastYear + " is after the as-of day " + day + ": nothing is generated after it, "
                    + "so the last year is " + day.getYear());
            lastYear = day.getYear();
        }
        GeneratorSpec generatorSpec;
        try {
            generatorSpec = new GeneratorSpec(province, fromYear, lastYear, scale, seed, OutputFormat.parse(format), out,
                    dirtyRate, target, day);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        OperationalDataGenerator generator = new OperationalDataGenerator(m -> {
            err.println(m);
            err.flush();
        });
        GenerationResult result;
        try {
            result = generator.generate(generatorSpec);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(result.areaName() + " (old provinces " + String.join(", ", result.oldProvinces()) + "), "
                + result.communes() + " communes, " + fromYear + "-" + lastYear + " as of " + day + ", scale " + scale
                + ", seed " + seed
                + (jdbc != null ? ", loaded into " + jdbc : ", " + format.toLowerCase(Locale.ROOT) + " in " + out)
                + String.format(Locale.ROOT, " (%.1f s)", result.elapsed().toMillis() / 1000.0));
        TextTable table = new TextTable("ENTITY", "FILE", "ROWS", "WRITTEN");
        for (SourceEntity e : SourceEntity.values()) {
            table.row(e.table(), e.fileStem(), result.rows(e), result.written(e));
        }
        if (jdbc != null) {
            table.row("assessment_scores", "", result.scoreRows(), 0);
        }
        table.print(o);
        DirtReport dirt = result.dirt();
        if (!dirt.isEmpty()) {
            o.println();
            o.println("Mess injected (dirty rate " + dirtyRate + "):");
            TextTable d = new TextTable("FILE", "KIND", "COUNT");
            for (DirtReport.Entry e : dirt.entries()) {
                d.row(e.entity().fileStem(), e.kind().code(), e.count());
            }
            d.print(o);
        }
        o.flush();
        return 0;
    }
}
