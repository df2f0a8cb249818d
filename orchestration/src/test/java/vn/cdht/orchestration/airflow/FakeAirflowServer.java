package vn.cdht.orchestration.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for an Airflow 3 API server, following its published OpenAPI document (/api/v2, version 2) for
 * the endpoints cdht uses: {@code POST /auth/token} (201 with {@code access_token}, 401 on bad credentials), bearer
 * tokens on every /api/v2 endpoint but the health check (401 {@code {"detail": ...}} without a valid one), health,
 * GET/PATCH a DAG (404 for an unknown one), trigger a run (200 DAGRunResponse; 409 for a duplicate run id or logical
 * date; 422 FastAPI validation errors for a body without logical_date or with unknown fields), get a run and its task
 * instances. A run's state advances queued -> running -> success over the GETs of it; conf {"outcome": "failed"} makes
 * it fail at the indicators task, {"outcome": "stuck"} keeps it running.
 */
public final class FakeAirflowServer implements AutoCloseable {

    public static final String USER = "cdht";
    public static final String PASSWORD = "mật-khẩu";
    public static final String STATIC_TOKEN = "static-token-42";
    public static final String DAG_ID = "cdht_pipeline";
    public static final List<String> TASKS = List.of("ingest", "indicators", "publish", "bulletins", "deliver");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROGRESS = List.of("queued", "running", "running", "success");
    private static final Instant T0 = Instant.parse("2026-10-31T19:00:05Z");

    private final HttpServer server;
    private final Map<String, Boolean> dags = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean schedulerHealthy = true;

    private static final class Run {
        final String dagId;
        final String runId;
        final String logicalDate;
        final JsonNode conf;
        int gets;

        Run(String dagId, String runId, String logicalDate, JsonNode conf) {
            this.dagId = dagId;
            this.runId = runId;
            this.logicalDate = logicalDate;
            this.conf = conf;
        }

        String outcome() {
            return conf.path("outcome").asText("success");
        }

        String state() {
            String s = PROGRESS.get(Math.min(Math.max(gets - 1, 0), PROGRESS.size() - 1));
            if ("success".equals(s)) {
                return switch (outcome()) {
                    case "failed" -> "failed";
                    case "stuck" -> "running";
                    default -> "success";
                };
            }
            return s;
        }
    }

    public FakeAirflowServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dags.put(DAG_ID, false);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, as airflow.url. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request as "METHOD path [bearer|no auth]". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The last request body sent to {@code POST .../dagRuns}. */
    public volatile JsonNode lastTriggerBody;

    /** Forgets every token POST /auth/token gave out, as if they expired. */
    public void expireTokens() {
        tokens.clear();
    }

    public void schedulerHealthy(boolean healthy) {
        schedulerHealthy = healthy;
    }

    public boolean paused(String dagId) {
        return dags.get(dagId);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            requests.add(method + " " + path + (auth == null ? " no auth" : " bearer"));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            List<String> seg = List.of(path.substring(1).split("/"));

            if (path.equals("/auth/token")) {
                if (!method.equals("POST")) {
                    detail(ex, 405, "Method Not Allowed");
                    return;
                }
                JsonNode credentials = readJson(body);
                if (credentials == null || !USER.equals(credentials.path("username").asText())
                        || !PASSWORD.equals(credentials.path("password").asText())) {
                    detail(ex, 401, "Invalid credentials");
                    return;
                }
                String token = "jwt-" + issued.incrementAndGet();
                tokens.add(token);
                send(ex, 201, JSON.createObjectNode().put("access_token", token));
                return;
            }
            if (path.equals("/api/v2/monitor/health") && method.equals("GET")) {
                send(ex, 200, health());
                return;
            }
            if (!path.startsWith("/api/v2/")) {
                detail(ex, 404, "Not Found");
                return;
            }
            if (auth == null || !auth.startsWith("Bearer ")) {
                detail(ex, 401, "Not authenticated");
                return;
            }
            String token = auth.substring("Bearer ".length());
            if (!token.equals(STATIC_TOKEN) && !tokens.contains(token)) {
                detail(ex, 401, "Invalid JWT token");
                return;
            }
            // seg: api, v2, dags, {dag_id}[, dagRuns[, {dag_run_id}[, taskInstances]]]
            if (seg.size() < 4 || !seg.get(2).equals("dags")) {
                detail(ex, 404, "Not Found");
                return;
            }
            String dagId = seg.get(3);
            if (!dags.containsKey(dagId)) {
                detail(ex, 404, "The Dag with ID: `" + dagId + "` was not found");
                return;
            }
            if (seg.size() == 4) {
                switch (method) {
                    case "GET" -> send(ex, 200, dag(dagId));
                    case "PATCH" -> patchDag(ex, dagId, body);
                    default -> detail(ex, 405, "Method Not Allowed");
                }
                return;
            }
            if (!seg.get(4).equals("dagRuns")) {
                detail(ex, 404, "Not Found");
                return;
            }
            if (seg.size() == 5) {
                if (method.equals("POST")) {
                    trigger(ex, dagId, body);
                } else {
                    detail(ex, 405, "Method Not Allowed");
                }
                return;
            }
            String runId = seg.get(5);
            Run run = runs.get(dagId + "\n" + runId);
            if (run == null) {
                detail(ex, 404, "The DagRun with dag_id: `" + dagId + "` and run_id: `" + runId + "` was not found");
                return;
            }
            if (seg.size() == 6 && method.equals("GET")) {
                synchronized (run) {
                    run.gets++;
                    send(ex, 200, dagRun(run));
                }
            } else if (seg.size() == 7 && seg.get(6).equals("taskInstances") && method.equals("GET")) {
                send(ex, 200, taskInstances(run));
            } else {
                detail(ex, 404, "Not Found");
            }
        } catch (RuntimeException e) {
            detail(ex, 500, "Internal Server Error: " + e);
        }
    }

    private void patchDag(HttpExchange ex, String dagId, String body) throws IOException {
        JsonNode patch = readJson(body);
        if (patch == null || !patch.isObject() || !patch.path("is_paused").isBoolean()) {
            validation(ex, "missing", "is_paused", "Field required");
            return;
        }
        var extra = patch.fieldNames();
        while (extra.hasNext()) {
            String f = extra.next();
            if (!f.equals("is_paused")) {
                validation(ex, "extra_forbidden", f, "Extra inputs are not permitted");
                return;
            }
        }
        dags.put(dagId, patch.get("is_paused").asBoolean());
        send(ex, 200, dag(dagId));
    }

    private void trigger(HttpExchange ex, String dagId, String body) throws IOException {
        JsonNode request = readJson(body);
        lastTriggerBody = request;
        if (request == null || !request.isObject()) {
            validation(ex, "model_attributes_type", "body", "Input should be a valid dictionary or object");
            return;
        }
        Set<String> allowed = Set.of("dag_run_id", "data_interval_start", "data_interval_end", "logical_date", "run_after",
                "conf", "note");
        var names = request.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!allowed.contains(f)) {
                validation(ex, "extra_forbidden", f, "Extra inputs are not permitted");
                return;
            }
        }
        if (!request.has("logical_date")) {
            validation(ex, "missing", "logical_date", "Field required");
            return;
        }
        String logicalDate = request.get("logical_date").isNull() ? null : request.get("logical_date").asText();
        if (logicalDate != null) {
            try {
                logicalDate = OffsetDateTime.parse(logicalDate).withOffsetSameInstant(ZoneOffset.UTC).toString();
            } catch (RuntimeException e) {
                validation(ex, "datetime_from_date_parsing", "logical_date", "Input should be a valid datetime");
                return;
            }
        }
        JsonNode conf = request.path("conf").isObject() ? request.get("conf") : JSON.createObjectNode();
        String runId = request.hasNonNull("dag_run_id") ? request.get("dag_run_id").asText()
                : "manual__" + (logicalDate != null ? logicalDate : T0.plusSeconds(runs.size()).toString());
        synchronized (runs) {
            if (runs.containsKey(dagId + "\n" + runId)) {
                detail(ex, 409, "DAG Run with run_id: `" + runId + "` already exists for DAG: `" + dagId + "`");
                return;
            }
            for (Run r : runs.values()) {
                if (r.dagId.equals(dagId) && logicalDate != null && logicalDate.equals(r.logicalDate)) {
                    detail(ex, 409, "A DAG Run already exists for DAG: `" + dagId + "` with logical date `" + logicalDate + "`");
                    return;
                }
            }
            Run run = new Run(dagId, runId, logicalDate, conf);
            runs.put(dagId + "\n" + runId, run);
            send(ex, 200, dagRun(run));
        }
    }

    private ObjectNode health() {
        ObjectNode h = JSON.createObjectNode();
        h.putObject("metadatabase").put("status", "healthy");
        h.putObject("scheduler").put("status", schedulerHealthy ? "healthy" : "unhealthy")
                .put("latest_scheduler_heartbeat", "2026-11-01T02:00:00.123456+00:00");
        h.putObject("triggerer").putNull("status").putNull("latest_triggerer_heartbeat");
        h.putObject("dag_processor").put("status", "healthy")
                .put("latest_dag_processor_heartbeat", "2026-11-01T01:59:58.5+00:00");
        return h;
    }

    private ObjectNode dag(String dagId) {
        ObjectNode d = JSON.createObjectNode();
        d.put("dag_id", dagId).put("dag_display_name", dagId).put("is_paused", dags.get(dagId)).put("is_stale", false)
                .putNull("last_parsed_time").putNull("last_expired").put("bundle_name", "dags-folder").putNull("bundle_version")
                .put("relative_fileloc", "cdht_pipeline.py").put("fileloc", "/opt/airflow/dags/cdht_pipeline.py")
                .put("description", "Công dân học tập analytics").put("timetable_summary", "0 2 * * *")
                .put("timetable_description", "At 02:00").put("max_active_tasks", 16).put("max_active_runs", 1)
                .put("max_consecutive_failed_dag_runs", 0).put("has_task_concurrency_limits", false)
                .put("has_import_errors", false).putNull("next_dagrun_logical_date")
                .putNull("next_dagrun_data_interval_start").putNull("next_dagrun_data_interval_end")
                .putNull("next_dagrun_run_after").put("file_token", "token");
        d.putArray("tags").addObject().put("name", "cdht").put("dag_id", dagId).put("dag_display_name", dagId);
        d.putArray("owners").add("cdht");
        return d;
    }

    private ObjectNode dagRun(Run run) {
        String state = run.state();
        ObjectNode r = JSON.createObjectNode();
        r.put("dag_run_id", run.runId).put("dag_id", run.dagId).put("logical_date", run.logicalDate)
                .put("queued_at", T0.toString())
                .put("start_date", "queued".equals(state) ? null : T0.plusSeconds(5).toString())
                .put("end_date", finished(state) ? T0.plusSeconds(600).toString() : null);
        if (finished(state)) {
            r.put("duration", 595.0);
        } else {
            r.putNull("duration");
        }
        r.put("data_interval_start", run.logicalDate).put("data_interval_end", run.logicalDate)
                .put("run_after", T0.toString()).putNull("last_scheduling_decision").put("run_type", "manual")
                .put("state", state).put("triggered_by", "rest_api").put("triggering_user_name", USER);
        r.set("conf", run.conf);
        r.putNull("note");
        r.putArray("dag_versions");
        r.putNull("bundle_version");
        r.put("dag_display_name", run.dagId);
        return r;
    }

    private static boolean finished(String state) {
        return "success".equals(state) || "failed".equals(state);
    }

    private ObjectNode taskInstances(Run run) {
        String state;
        synchronized (run) {
            state = run.state();
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("task_instances");
        // Airflow lists them in its own order (by map index), not the DAG's: reversed here on purpose.
        List<String> ids = new ArrayList<>(TASKS);
        Collections.reverse(ids);
        for (String task : ids) {
            int i = TASKS.indexOf(task);
            String ts;
            int tries;
            switch (state) {
                case "queued" -> {
                    ts = null;
                    tries = 0;
                }
                case "running" -> {
                    ts = i == 0 ? "success" : i == 1 ? "running" : null;
                    tries = i <= 1 ? 1 : 0;
                }
                case "failed" -> {
                    ts = i == 0 ? "success" : i == 1 ? "failed" : "upstream_failed";
                    tries = i == 0 ? 1 : i == 1 ? 3 : 0;
                }
                default -> {
                    ts = "success";
                    tries = 1;
                }
            }
            ObjectNode t = list.addObject();
            t.put("id", "0199-" + i).put("task_id", task).put("task_display_name", task).put("dag_id", run.dagId)
                    .put("dag_run_id", run.runId).put("map_index", -1).put("logical_date", run.logicalDate)
                    .put("run_after", T0.toString())
                    .put("start_date", tries > 0 ? T0.plusSeconds(10 + 100L * i).toString() : null)
                    .put("end_date", tries > 0 && !"running".equals(ts) ? T0.plusSeconds(90 + 100L * i).toString() : null)
                    .put("state", ts).put("try_number", tries).put("max_tries", 2).put("hostname", "worker-1")
                    .put("pool", "default_pool").put("queue", "default").put("operator", i < 2 ? "SparkSubmitOperator" : "BashOperator");
        }
        body.put("total_entries", TASKS.size());
        return body;
    }

    private static JsonNode readJson(String body) {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void validation(HttpExchange ex, String type, String field, String msg) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putArray("detail").addObject();
        error.put("type", type);
        error.putArray("loc").add("body").add(field);
        error.put("msg", msg);
        send(ex, 422, body);
    }

    private static void detail(HttpExchange ex, int status, String detail) throws IOException {
        send(ex, status, JSON.createObjectNode().put("detail", detail));
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
