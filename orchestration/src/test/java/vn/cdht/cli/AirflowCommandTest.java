package vn.cdht.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.orchestration.airflow.AirflowDag;
import vn.cdht.orchestration.airflow.FakeAirflowServer;

/** cdht airflow ... against a loopback server that follows Airflow 3's REST API (/api/v2). */
class AirflowCommandTest {

    @TempDir
    Path home;

    private final FakeAirflowServer airflow = new FakeAirflowServer();

    @AfterEach
    void stop() {
        airflow.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("CDHT_HOME", home.toString());
        env.put("CDHT_AIRFLOW_URL", airflow.url());
        env.put("CDHT_AIRFLOW_USERNAME", FakeAirflowServer.USER);
        env.put("AIRFLOW_PASS", FakeAirflowServer.PASSWORD);
        env.put("CDHT_AIRFLOW_PASSWORD_ENV", "AIRFLOW_PASS");
        return env;
    }

    private CliRun cdht(String... args) {
        return CliRun.of(env(), args);
    }

    private static String last(String err) {
        return err.strip().lines().reduce((a, b) -> b).orElse("");
    }

    @Test
    void triggerThenWaitUntilSuccess() {
        CliRun trigger = cdht("airflow", "trigger", "--conf", "period=2026-10", "--logical-date", "2026-11-01",
                "--run-id", "monthly-2026-10");
        assertEquals(0, trigger.exitCode(), trigger.err());
        assertEquals("Triggered run monthly-2026-10 of DAG cdht_pipeline (queued, logical date 2026-11-01 00:00:00 ICT).\n"
                + "Follow it: cdht airflow wait --run-id monthly-2026-10\n", trigger.out());
        assertEquals("{\"dag_run_id\":\"monthly-2026-10\",\"logical_date\":\"2026-11-01T00:00:00+07:00\",\"conf\":{\"period\":\"2026-10\"}}",
                airflow.lastTriggerBody.toString());

        CliRun wait = cdht("airflow", "wait", "--run-id", "monthly-2026-10", "--poll-interval", "5ms", "--timeout", "30s");
        assertEquals(0, wait.exitCode(), wait.err());
        assertTrue(wait.err().contains("run monthly-2026-10: queued"), wait.err());
        assertTrue(wait.err().contains("run monthly-2026-10: running"), wait.err());
        assertTrue(wait.err().contains("run monthly-2026-10: success"), wait.err());
        List<String> lines = wait.out().lines().toList();
        assertEquals("Run:          monthly-2026-10 (DAG cdht_pipeline)", lines.get(0));
        assertEquals("State:        success", lines.get(1));
        assertEquals("Logical date: 2026-11-01 00:00:00 ICT", lines.get(2));
        assertEquals("Started:      2026-11-01 02:00:10 ICT", lines.get(3));
        assertEquals("Ended:        2026-11-01 02:10:05 ICT", lines.get(4));
        assertTrue(lines.get(6).matches("TASK\\s+STATE\\s+TRY\\s+STARTED \\(ICT\\)\\s+ENDED \\(ICT\\)"), lines.get(6));
        // In the DAG's order, whatever order Airflow lists them in.
        assertTrue(lines.get(7).matches("ingest\\s+success\\s+1\\s+2026-11-01 02:00:15\\s+2026-11-01 02:01:35"), lines.get(7));
        assertTrue(lines.get(8).startsWith("indicators "), lines.get(8));
        assertTrue(lines.get(9).startsWith("publish "), lines.get(9));
        assertTrue(lines.get(10).startsWith("bulletins "), lines.get(10));
        assertTrue(lines.get(11).startsWith("deliver "), lines.get(11));
    }

    @Test
    void aFailedRunIsExitCodeOneNamingTheTask() {
        assertEquals(0, cdht("airflow", "trigger", "--run-id", "r2", "--conf", "outcome=failed").exitCode());
        CliRun wait = cdht("airflow", "wait", "--run-id", "r2", "--poll-interval", "5ms");
        assertEquals(1, wait.exitCode());
        assertEquals("cdht airflow wait: error: run r2 of DAG cdht_pipeline failed at task indicators: see the task's log"
                + " in Airflow, then clear the task there or trigger a new run", last(wait.err()));
        assertTrue(wait.out().matches("(?s).*\\nindicators\\s+failed\\s+3\\s.*"), wait.out());
        assertTrue(wait.out().matches("(?s).*\\ndeliver\\s+upstream_failed\\s+0\\s*\\n.*"), wait.out());

        CliRun status = cdht("airflow", "status", "--run-id", "r2");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("State:        failed"), status.out());
    }

    @Test
    void waitGivesUpAfterItsTimeout() {
        assertEquals(0, cdht("airflow", "trigger", "--run-id", "r3", "--conf", "outcome=stuck").exitCode());
        CliRun wait = cdht("airflow", "wait", "--run-id", "r3", "--poll-interval", "10ms", "--timeout", "150ms");
        assertEquals(1, wait.exitCode());
        // queued or running, depending on how many polls a busy machine fits in the timeout
        assertTrue(last(wait.err()).matches("cdht airflow wait: error: run r3 of DAG cdht_pipeline is still (queued|running)"
                + " after 150 ms \\(it goes on in Airflow\\): wait again with 'cdht airflow wait --run-id r3' and a longer"
                + " --timeout"), wait.err());
    }

    @Test
    void statusWhileQueuedShowsTasksWithoutStatus() {
        assertEquals(0, cdht("airflow", "trigger", "--run-id", "r4").exitCode());
        CliRun status = cdht("airflow", "status", "--run-id", "r4");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("State:        queued\nLogical date: (none)\nStarted:      (not yet)\n"), status.out());
        assertTrue(status.out().matches("(?s).*\\ningest\\s+\\(none\\)\\s+0\\s*\\n.*"), status.out());
    }

    @Test
    void pauseUnpauseAndHealth() {
        CliRun pause = cdht("airflow", "pause");
        assertEquals(0, pause.exitCode(), pause.err());
        assertEquals("DAG cdht_pipeline is paused: no scheduled runs until 'cdht airflow unpause'.", pause.out().strip());
        assertTrue(airflow.paused("cdht_pipeline"));
        CliRun unpause = cdht("airflow", "unpause");
        assertEquals(0, unpause.exitCode(), unpause.err());
        assertEquals("DAG cdht_pipeline is unpaused: it runs on its schedule (0 2 * * *, Asia/Ho_Chi_Minh).", unpause.out().strip());

        CliRun health = cdht("airflow", "health");
        assertEquals(0, health.exitCode(), health.err());
        assertTrue(health.out().matches("(?s)COMPONENT\\s+STATUS\\s+LATEST HEARTBEAT \\(ICT\\)\\n.*"
                + "scheduler\\s+healthy\\s+2026-11-01 09:00:00\\n.*"), health.out());
        assertTrue(health.out().contains("triggerer      (unknown)"), health.out());
        assertTrue(health.out().strip().endsWith("Airflow at " + airflow.url() + " is healthy."), health.out());
        airflow.schedulerHealthy(false);
        CliRun sick = cdht("airflow", "health");
        assertEquals(1, sick.exitCode());
        assertEquals("cdht airflow health: error: Airflow at " + airflow.url() + " is not healthy: scheduler unhealthy",
                last(sick.err()));
    }

    @Test
    void mistakesAreOneLineThatSaysWhatToDo() {
        Map<String, String> noUrl = new HashMap<>(env());
        noUrl.remove("CDHT_AIRFLOW_URL");
        CliRun url = CliRun.of(noUrl, "airflow", "health");
        assertEquals(1, url.exitCode());
        assertEquals("cdht airflow health: error: airflow.url is not set: set it to the Airflow API server, e.g."
                + " http://airflow:8080, in the configuration file or in CDHT_AIRFLOW_URL (see README, Apache Airflow)",
                url.err().strip());

        CliRun dag = cdht("airflow", "pause", "--dag-id", "cdht_other");
        assertEquals(1, dag.exitCode());
        assertTrue(last(dag.err()).startsWith("cdht airflow pause: error: Airflow at " + airflow.url() + " could not pause"
                + " DAG cdht_other (HTTP 404: "), dag.err());
        assertEquals(1, dag.err().strip().lines().count(), dag.err());

        Map<String, String> wrong = new HashMap<>(env());
        wrong.put("AIRFLOW_PASS", "wrong");
        CliRun password = CliRun.of(wrong, "airflow", "trigger");
        assertEquals(1, password.exitCode());
        assertTrue(last(password.err()).contains("check airflow.username and airflow.password (or airflow.password-env)"),
                password.err());

        assertEquals(2, cdht("airflow", "wait").exitCode(), "--run-id is required");
        assertEquals(2, cdht("airflow", "wait", "--run-id", "x", "--timeout", "soon").exitCode());
        assertEquals(2, cdht("airflow", "trigger", "--logical-date", "1/11/2026").exitCode());
    }

    @Test
    void dagWritesTheGeneratedFile() throws Exception {
        CliRun stdout = CliRun.of(Map.of("CDHT_HOME", home.toString()), "airflow", "dag");
        assertEquals(0, stdout.exitCode(), stdout.err());
        assertEquals(AirflowDag.render("cdht_pipeline"), stdout.out());

        Path file = home.resolve("dags/cdht_test.py");
        CliRun out = CliRun.of(Map.of("CDHT_HOME", home.toString(), "CDHT_AIRFLOW_DAG_ID", "cdht_test"),
                "airflow", "dag", "--out", file.toString());
        assertEquals(0, out.exitCode(), out.err());
        assertEquals("DAG cdht_test (ingest -> indicators -> publish -> bulletins -> deliver -> maintain) written to " + file
                + ": put it in Airflow's DAGs folder.", out.out().strip());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(AirflowDag.render("cdht_test"), text);
        assertTrue(text.contains("    dag_id=\"cdht_test\",\n"), text);
    }
}
