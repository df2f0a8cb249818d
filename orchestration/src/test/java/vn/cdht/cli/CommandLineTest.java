package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line itself: help everywhere, exit codes, one-line errors. No Spark here. */
class CommandLineTest {

    @TempDir
    Path home;

    @Test
    void everyCommandExplainsItselfWithHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Cdht()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 7, paths.toString());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), path + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: cdht"), path + ": " + run.out());
            assertTrue(run.out().contains("--home"), path + " should show the global options: " + run.out());
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            collect(e.getValue(), path, out);
        }
    }

    @Test
    void statusOnANewHomeSaysWhatToDoNext() {
        CliRun run = CliRun.of(Map.of(), "status", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Home:             " + home), run.out());
        assertTrue(run.out().matches("(?s).*schema version [2-9].*"), run.out());
        assertTrue(run.out().contains("No Iceberg tables yet: run 'cdht reference load' or 'cdht demo'."), run.out());
    }

    @Test
    void theHomeComesFromTheEnvironmentToo() {
        CliRun run = CliRun.of(Map.of("CDHT_HOME", home.toString()), "status");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Home:             " + home), run.out());
    }

    @Test
    void dbMigrateAndInfo() {
        CliRun migrate = CliRun.of(Map.of(), "db", "migrate", "--home", home.toString());
        assertEquals(0, migrate.exitCode(), migrate.err());
        assertTrue(migrate.out().matches("(?s).*migration\\(s\\) applied, now at version [2-9].*"), migrate.out());
        CliRun info = CliRun.of(Map.of(), "--home", home.toString(), "db", "info");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().matches("(?s).*\\n\\s*1\\s+pipeline run and stage run\\s+Success.*"), info.out());
        assertTrue(info.out().matches("(?s).*\\n\\s*2\\s+ingest ledger\\s+Success.*"), info.out());
    }

    @Test
    void aFailureIsOneClearLineAndExitCodeOne() {
        CliRun run = CliRun.of(Map.of("CDHT_CONTROL_URL", "jdbc:mysql://nowhere/cdht"), "status", "--home", home.toString());
        assertEquals(1, run.exitCode());
        assertEquals("cdht status: error: control.url must be a jdbc:sqlite: or jdbc:postgresql: URL, not 'jdbc:mysql://nowhere/cdht'",
                run.err().strip());
        CliRun verbose = CliRun.of(Map.of("CDHT_CONTROL_URL", "jdbc:mysql://nowhere/cdht"), "status", "--verbose", "--home", home.toString());
        assertTrue(verbose.err().contains("at vn.cdht"), "stack trace under --verbose");
    }

    @Test
    void aMissingConfigurationFileIsNamed() {
        CliRun run = CliRun.of(Map.of("CDHT_CONFIG", home.resolve("cdht.properties").toString()), "status");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(home.resolve("cdht.properties") + " does not exist"), run.err());
    }

    @Test
    void ingestionWithoutASecretFileNeedsThePseudonymSecretAndSaysWhereToPutIt() throws Exception {
        Path config = Files.writeString(home.resolve("cdht.properties"), "pseudonym.secret-file=\n");
        CliRun run = CliRun.of(Map.of("CDHT_CONFIG", config.toString()), "ingest", home.resolve("batch").toString(),
                "--home", home.toString());
        assertEquals(1, run.exitCode());
        // progress lines ("… control database migrated") aside, the error is one line
        List<String> error = run.err().strip().lines().filter(l -> !l.startsWith("… ")).toList();
        assertEquals(1, error.size(), run.err());
        assertTrue(error.get(0).startsWith("cdht ingest: error: no pseudonymisation secret: set pseudonym.secret (CDHT_PSEUDONYM_SECRET)"),
                run.err());
    }

    @Test
    void aUsageErrorIsExitCodeTwo() {
        assertEquals(2, CliRun.of(Map.of(), "no-such-command").exitCode());
        assertEquals(2, CliRun.of(Map.of(), "status", "--no-such-option").exitCode());
    }
}
