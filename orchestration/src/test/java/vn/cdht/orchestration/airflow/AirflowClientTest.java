package vn.cdht.orchestration.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/** The Airflow REST API client against a loopback server that follows Airflow 3's /api/v2. */
class AirflowClientTest {

    private static final Duration POLL = Duration.ofMillis(5);

    private final FakeAirflowServer airflow = new FakeAirflowServer();

    @AfterEach
    void stop() {
        airflow.close();
    }

    private AirflowClient client(Map<String, String> keys) {
        Map<String, String> all = new HashMap<>(keys);
        all.putIfAbsent("airflow.url", airflow.url());
        return new AirflowClient(AirflowSettings.from(CdhtConfig.of(null, all), name -> null));
    }

    private AirflowClient asUser() {
        return client(Map.of("airflow.username", FakeAirflowServer.USER, "airflow.password", FakeAirflowServer.PASSWORD));
    }

    @Test
    void healthNeedsNoCredentials() {
        AirflowHealth health = client(Map.of()).health();
        assertTrue(health.healthy());
        assertEquals(List.of("metadatabase", "scheduler", "triggerer", "dag_processor"),
                health.components().stream().map(AirflowHealth.Component::name).toList());
        assertEquals("2026-11-01T02:00:00.123456+00:00", health.components().get(1).latestHeartbeat());
        assertNull(health.components().get(2).status());
        airflow.schedulerHealthy(false);
        assertFalse(client(Map.of()).health().healthy());
    }

    @Test
    void triggerLogsInOnceThenFollowsTheRunToSuccess() {
        AirflowClient client = asUser();
        DagRun run = client.triggerDagRun("cdht_pipeline", null, Map.of("period", "2026-10"));
        assertEquals("cdht_pipeline", run.dagId());
        assertEquals("queued", run.state());
        assertTrue(run.dagRunId().startsWith("manual__"), run.dagRunId());
        assertNull(run.logicalDate());
        assertEquals("{\"logical_date\":null,\"conf\":{\"period\":\"2026-10\"}}", airflow.lastTriggerBody.toString());

        List<String> seen = new ArrayList<>();
        DagRun done = client.waitFor("cdht_pipeline", run.dagRunId(), Duration.ofSeconds(10), POLL, r -> seen.add(r.state()));
        assertEquals(List.of("queued", "running", "success"), seen);
        assertEquals("success", done.state());
        assertTrue(done.finished());
        assertEquals(OffsetDateTime.parse("2026-10-31T19:10:05Z"), done.endDate());

        TaskInstances tasks = client.taskInstances("cdht_pipeline", run.dagRunId());
        assertEquals(5, tasks.totalEntries());
        assertEquals(List.of("deliver", "bulletins", "publish", "indicators", "ingest"),
                tasks.taskInstances().stream().map(TaskInstance::taskId).toList());
        assertTrue(tasks.taskInstances().stream().allMatch(t -> "success".equals(t.state()) && t.tryNumber() == 1));
        assertNotNull(tasks.taskInstances().get(0).startDate());

        long logins = airflow.requests().stream().filter(r -> r.startsWith("POST /auth/token")).count();
        assertEquals(1, logins, airflow.requests().toString());
        assertTrue(airflow.requests().stream().filter(r -> r.startsWith("GET /api/v2/dags")).allMatch(r -> r.endsWith("bearer")));
    }

    @Test
    void aRunWithALogicalDateAndItsOwnIdAndTheTasksWhileRunning() {
        AirflowClient client = client(Map.of("airflow.token", FakeAirflowServer.STATIC_TOKEN));
        OffsetDateTime logical = OffsetDateTime.parse("2026-11-01T02:00:00+07:00");
        DagRun run = client.triggerDagRun("cdht_pipeline", "bulletins+2026-10:retry", logical, Map.of());
        assertEquals("bulletins+2026-10:retry", run.dagRunId());
        assertEquals(logical.toInstant(), run.logicalDate().toInstant());
        assertEquals("2026-11-01T02:00:00+07:00", airflow.lastTriggerBody.get("logical_date").asText());

        assertEquals("queued", client.getDagRun("cdht_pipeline", run.dagRunId()).state());
        assertEquals("running", client.getDagRun("cdht_pipeline", run.dagRunId()).state());
        List<TaskInstance> tasks = client.taskInstances("cdht_pipeline", run.dagRunId()).taskInstances();
        TaskInstance indicators = tasks.stream().filter(t -> t.taskId().equals("indicators")).findFirst().orElseThrow();
        assertEquals("running", indicators.state());
        assertNull(indicators.endDate());
        assertNull(tasks.stream().filter(t -> t.taskId().equals("deliver")).findFirst().orElseThrow().state());
        assertTrue(airflow.requests().stream().noneMatch(r -> r.startsWith("POST /auth/token")), "a static token needs no login");
    }

    @Test
    void aFailedRunIsReturnedNotThrown() {
        AirflowClient client = asUser();
        DagRun run = client.triggerDagRun("cdht_pipeline", "r-failed", null, Map.of("outcome", "failed"));
        DagRun done = client.waitFor("cdht_pipeline", run.dagRunId(), Duration.ofSeconds(10), POLL);
        assertEquals("failed", done.state());
        TaskInstance indicators = client.taskInstances("cdht_pipeline", "r-failed").taskInstances().stream()
                .filter(t -> t.taskId().equals("indicators")).findFirst().orElseThrow();
        assertEquals("failed", indicators.state());
        assertEquals(3, indicators.tryNumber());
    }

    @Test
    void waitingGivesUpAfterTheTimeoutAndSaysTheRunGoesOn() {
        AirflowClient client = asUser();
        client.triggerDagRun("cdht_pipeline", "r-stuck", null, Map.of("outcome", "stuck"));
        long start = System.nanoTime();
        AirflowException e = assertThrows(AirflowException.class,
                () -> client.waitFor("cdht_pipeline", "r-stuck", Duration.ofMillis(200), Duration.ofMillis(20)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        assertEquals("run r-stuck of DAG cdht_pipeline is still running after 200 ms (it goes on in Airflow): wait again"
                + " with 'cdht airflow wait --run-id r-stuck' and a longer --timeout", e.getMessage());
    }

    @Test
    void pauseAndUnpauseAreWhatAirflowThenShows() {
        AirflowClient client = asUser();
        assertFalse(client.dag("cdht_pipeline").paused());
        assertTrue(client.pause("cdht_pipeline").paused());
        assertTrue(client.dag("cdht_pipeline").paused());
        assertTrue(airflow.paused("cdht_pipeline"));
        assertFalse(client.unpause("cdht_pipeline").paused());
        assertFalse(client.dag("cdht_pipeline").paused());
        assertTrue(airflow.requests().contains("PATCH /api/v2/dags/cdht_pipeline bearer"));
    }

    @Test
    void anExpiredTokenIsFetchedAgainOnce() {
        AirflowClient client = asUser();
        client.dag("cdht_pipeline");
        airflow.expireTokens();
        assertEquals("cdht_pipeline", client.dag("cdht_pipeline").dagId());
        assertEquals(2, airflow.requests().stream().filter(r -> r.startsWith("POST /auth/token")).count());
    }

    @Test
    void wrongCredentialsSayWhichKeysToCheck() {
        String url = airflow.url();
        AirflowException password = assertThrows(AirflowException.class, () -> client(Map.of(
                "airflow.username", FakeAirflowServer.USER, "airflow.password", "wrong")).dag("cdht_pipeline"));
        assertEquals(401, password.status());
        assertEquals("Airflow at " + url + " refused the credentials of user cdht at /auth/token (HTTP 401: Invalid"
                + " credentials): check airflow.username and airflow.password (or airflow.password-env), or set airflow.token",
                password.getMessage());

        AirflowException token = assertThrows(AirflowException.class,
                () -> client(Map.of("airflow.token", "forged")).triggerDagRun("cdht_pipeline", null, Map.of()));
        assertEquals("Airflow at " + url + " could not trigger DAG cdht_pipeline (HTTP 401: Invalid JWT token): check"
                + " airflow.token (CDHT_AIRFLOW_TOKEN): it is wrong or has expired", token.getMessage());

        AirflowException none = assertThrows(AirflowException.class, () -> client(Map.of()).pause("cdht_pipeline"));
        assertEquals("Airflow at " + url + " could not pause DAG cdht_pipeline (HTTP 401: Not authenticated): this Airflow"
                + " needs credentials: set airflow.username and airflow.password, or airflow.token", none.getMessage());
    }

    @Test
    void anUnknownDagOrRunSaysWhatToDo() {
        AirflowClient client = asUser();
        AirflowException dag = assertThrows(AirflowException.class,
                () -> client.triggerDagRun("cdht_pipelin", null, Map.of()));
        assertEquals(404, dag.status());
        assertEquals("Airflow at " + airflow.url() + " could not trigger DAG cdht_pipelin (HTTP 404: The Dag with ID:"
                + " `cdht_pipelin` was not found): no DAG cdht_pipelin in Airflow: install"
                + " orchestration/airflow/dags/cdht_pipeline.py in its DAGs folder (cdht airflow dag --out FILE) and wait"
                + " for it to be parsed, or set airflow.dag-id", dag.getMessage());
        AirflowException run = assertThrows(AirflowException.class, () -> client.getDagRun("cdht_pipeline", "nope"));
        assertTrue(run.getMessage().endsWith("(HTTP 404: The DagRun with dag_id: `cdht_pipeline` and run_id: `nope` was"
                + " not found): no run nope of DAG cdht_pipeline: check --run-id (as 'cdht airflow trigger' printed it) and"
                + " airflow.dag-id"), run.getMessage());
    }

    @Test
    void aDuplicateRunIsAConflict() {
        AirflowClient client = asUser();
        client.triggerDagRun("cdht_pipeline", "monthly-2026-10", null, Map.of());
        AirflowException e = assertThrows(AirflowException.class,
                () -> client.triggerDagRun("cdht_pipeline", "monthly-2026-10", null, Map.of()));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().endsWith("(HTTP 409: DAG Run with run_id: `monthly-2026-10` already exists for DAG:"
                + " `cdht_pipeline`): a run with id monthly-2026-10 already exists: choose another --run-id, or leave it"
                + " out"), e.getMessage());
        OffsetDateTime day = OffsetDateTime.parse("2026-11-01T00:00:00+07:00");
        client.triggerDagRun("cdht_pipeline", day, Map.of());
        AirflowException sameDay = assertThrows(AirflowException.class, () -> client.triggerDagRun("cdht_pipeline", day, Map.of()));
        assertTrue(sameDay.getMessage().endsWith("a run with that logical date already exists: choose another"
                + " --logical-date, or leave it out"), sameDay.getMessage());
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AirflowException e = assertThrows(AirflowException.class,
                () -> client(Map.of("airflow.url", "http://127.0.0.1:" + port)).health());
        assertTrue(e.getMessage().startsWith("cannot reach Airflow at http://127.0.0.1:" + port + " to report its health ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): check airflow.url (CDHT_AIRFLOW_URL) and that the Airflow API server is running"),
                e.getMessage());
    }

    @Test
    void errorBodiesBecomeOneLine() {
        assertEquals("DAG with dag_id: 'x' not found", AirflowClient.detail(
                "{\"detail\": \"DAG with dag_id: 'x' not found\", \"status\": 404, \"title\": \"DAG not found\","
                        + " \"type\": \"https://airflow.apache.org/docs/apache-airflow/stable/stable-rest-api-ref.html#section/Errors/NotFound\"}"));
        assertEquals("Unauthorized", AirflowClient.detail("{\"detail\": null, \"status\": 401, \"title\": \"Unauthorized\"}"));
        assertEquals("logical_date: Field required; conf: Input should be a valid dictionary", AirflowClient.detail(
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"logical_date\"],\"msg\":\"Field required\"},"
                        + "{\"type\":\"dict_type\",\"loc\":[\"body\",\"conf\"],\"msg\":\"Input should be a valid dictionary\"}]}"));
        assertEquals("<html> <body>Bad gateway</body> </html>", AirflowClient.detail("<html>\n<body>Bad gateway</body>\n</html>"));
        assertEquals("", AirflowClient.detail(""));
        assertEquals("manual__2026-11-01T02%3A00%3A00%2B00%3A00", AirflowClient.segment("manual__2026-11-01T02:00:00+00:00"));
    }

    @Test
    void settingsSayWhatIsMissing() {
        ConfigException url = assertThrows(ConfigException.class,
                () -> AirflowSettings.from(CdhtConfig.of(null, Map.of()), n -> null).requireUrl());
        assertTrue(url.getMessage().startsWith("airflow.url is not set: set it to the Airflow API server"), url.getMessage());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> AirflowSettings.from(CdhtConfig.of(null, Map.of("airflow.url", "airflow:8080")), n -> null));
        assertTrue(bad.getMessage().startsWith("airflow.url must be the Airflow API server as http(s)://host:port"));
        ConfigException noPassword = assertThrows(ConfigException.class,
                () -> AirflowSettings.from(CdhtConfig.of(null, Map.of("airflow.username", "cdht")), n -> null));
        assertTrue(noPassword.getMessage().startsWith("airflow.username is set but no password"));
        ConfigException unsetVariable = assertThrows(ConfigException.class, () -> AirflowSettings.from(
                CdhtConfig.of(null, Map.of("airflow.username", "cdht", "airflow.password-env", "AF_PASS")), n -> null));
        assertEquals("airflow.password-env names the environment variable AF_PASS, which is not set: set it, or set the"
                + " password in CDHT_AIRFLOW_PASSWORD", unsetVariable.getMessage());

        AirflowSettings s = AirflowSettings.from(CdhtConfig.of(null, Map.of("airflow.url", "https://airflow.example.vn/api/v2/",
                "airflow.username", "cdht", "airflow.password-env", "AF_PASS")), n -> n.equals("AF_PASS") ? "p@ss" : null);
        assertEquals("https://airflow.example.vn", s.url().toString());
        assertEquals("p@ss", s.password());
        assertEquals("cdht_pipeline", s.dagId());
        assertEquals(Duration.ofSeconds(30), s.timeout());
        assertFalse(s.toString().contains("p@ss"), s.toString());
    }
}
