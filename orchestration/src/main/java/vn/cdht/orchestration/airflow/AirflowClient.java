package vn.cdht.orchestration.airflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A client of Airflow 3's stable REST API ({@code /api/v2}): health, trigger a DAG run, follow it and its task
 * instances, pause and unpause a DAG.
 *
 * <p>Authentication: a static bearer token ({@code airflow.token}), or a user name and password exchanged for a token
 * at {@code POST /auth/token} (fetched again once when Airflow says it expired), or none. Every failure is an
 * {@link AirflowException} whose message is one line saying what went wrong and what to do.
 */
public final class AirflowClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AirflowSettings settings;
    private final URI base;
    private final HttpClient http;
    private String loginToken;

    public AirflowClient(AirflowSettings settings) {
        this.settings = settings;
        this.base = settings.requireUrl();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public AirflowSettings settings() {
        return settings;
    }

    /** {@code GET /api/v2/monitor/health} (needs no credentials). */
    public AirflowHealth health() {
        JsonNode body = call("GET", "/api/v2/monitor/health", null, "report its health", null, null);
        List<AirflowHealth.Component> components = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                String heartbeat = null;
                var fields = e.getValue().fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    if (f.getKey().startsWith("latest_") && f.getKey().endsWith("_heartbeat")) {
                        heartbeat = text(f.getValue());
                    }
                }
                components.add(new AirflowHealth.Component(e.getKey(), text(e.getValue().get("status")), heartbeat));
            }
        });
        return new AirflowHealth(components);
    }

    /** {@code GET /api/v2/dags/{dag_id}}. */
    public Dag dag(String dagId) {
        return dag(call("GET", "/api/v2/dags/" + segment(dagId), null, "show DAG " + dagId, dagNotFound(dagId), null));
    }

    /** {@code PATCH /api/v2/dags/{dag_id}} with {@code {"is_paused": true}}: no new scheduled runs until unpaused. */
    public Dag pause(String dagId) {
        return setPaused(dagId, true);
    }

    /** {@code PATCH /api/v2/dags/{dag_id}} with {@code {"is_paused": false}}. */
    public Dag unpause(String dagId) {
        return setPaused(dagId, false);
    }

    private Dag setPaused(String dagId, boolean paused) {
        ObjectNode body = JSON.createObjectNode().put("is_paused", paused);
        return dag(call("PATCH", "/api/v2/dags/" + segment(dagId), body, (paused ? "pause" : "unpause") + " DAG " + dagId,
                dagNotFound(dagId), null));
    }

    /** Triggers a run with an id Airflow chooses; see {@link #triggerDagRun(String, String, OffsetDateTime, Map)}. */
    public DagRun triggerDagRun(String dagId, OffsetDateTime logicalDate, Map<String, ?> conf) {
        return triggerDagRun(dagId, null, logicalDate, conf);
    }

    /**
     * {@code POST /api/v2/dags/{dag_id}/dagRuns}.
     *
     * @param dagRunId the run's id, or null for Airflow's ({@code manual__<time>})
     * @param logicalDate null for a run without a logical date (Airflow 3)
     * @param conf the run's configuration (the DAG's params), may be empty
     */
    public DagRun triggerDagRun(String dagId, String dagRunId, OffsetDateTime logicalDate, Map<String, ?> conf) {
        ObjectNode body = JSON.createObjectNode();
        if (dagRunId != null) {
            body.put("dag_run_id", dagRunId);
        }
        body.put("logical_date", logicalDate == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(logicalDate));
        body.set("conf", JSON.valueToTree(conf == null ? Map.of() : conf));
        String conflict = dagRunId != null
                ? "a run with id " + dagRunId + " already exists: choose another --run-id, or leave it out"
                : "a run with that logical date already exists: choose another --logical-date, or leave it out";
        return dagRun(call("POST", "/api/v2/dags/" + segment(dagId) + "/dagRuns", body, "trigger DAG " + dagId,
                dagNotFound(dagId), conflict));
    }

    /** {@code GET /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}}. */
    public DagRun getDagRun(String dagId, String dagRunId) {
        return dagRun(call("GET", runPath(dagId, dagRunId), null, "show run " + dagRunId + " of DAG " + dagId,
                runNotFound(dagId, dagRunId), null));
    }

    /** {@code GET /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances}. */
    public TaskInstances taskInstances(String dagId, String dagRunId) {
        JsonNode body = call("GET", runPath(dagId, dagRunId) + "/taskInstances?limit=100", null,
                "list the tasks of run " + dagRunId + " of DAG " + dagId, runNotFound(dagId, dagRunId), null);
        List<TaskInstance> tasks = new ArrayList<>();
        for (JsonNode t : body.path("task_instances")) {
            tasks.add(new TaskInstance(text(t.get("task_id")), text(t.get("state")), t.path("try_number").asInt(0),
                    date(t.get("start_date")), date(t.get("end_date"))));
        }
        return new TaskInstances(tasks, body.path("total_entries").asInt(tasks.size()));
    }

    /** Polls the run until it is {@code success} or {@code failed}; see the other overload. */
    public DagRun waitFor(String dagId, String dagRunId, Duration timeout, Duration pollInterval) {
        return waitFor(dagId, dagRunId, timeout, pollInterval, run -> { });
    }

    /**
     * Polls the run every {@code pollInterval} until it is {@code success} or {@code failed} and returns it (a failed
     * run is returned, not thrown).
     *
     * @param onChange told of the run at the first poll and whenever its state changes
     * @throws AirflowException when the run is still going after {@code timeout} (it goes on in Airflow)
     */
    public DagRun waitFor(String dagId, String dagRunId, Duration timeout, Duration pollInterval, Consumer<DagRun> onChange) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive, not " + pollInterval);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        boolean first = true;
        while (true) {
            DagRun run = getDagRun(dagId, dagRunId);
            if (first || !Objects.equals(last, run.state())) {
                onChange.accept(run);
                last = run.state();
                first = false;
            }
            if (run.finished()) {
                return run;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AirflowException("run " + dagRunId + " of DAG " + dagId + " is still " + run.state() + " after "
                        + human(timeout) + " (it goes on in Airflow): wait again with 'cdht airflow wait --run-id "
                        + dagRunId + "' and a longer --timeout");
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), Duration.ofNanos(left).toMillis() + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AirflowException("interrupted while waiting for run " + dagRunId + " of DAG " + dagId
                        + " (it goes on in Airflow)");
            }
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    private JsonNode call(String method, String path, JsonNode body, String action, String notFound, String conflict) {
        boolean freshToken = loginToken == null;
        HttpResponse<String> response = send(method, path, body, action, bearer());
        if (response.statusCode() == 401 && settings.token() == null && settings.username() != null && !freshToken) {
            // The token from POST /auth/token expired: fetch a new one, once.
            loginToken = null;
            response = send(method, path, body, action, bearer());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(response.body(), action);
        }
        throw failure(action, status, response.body(), notFound, conflict);
    }

    /** The Authorization header's value, or null; logs in first when needed. */
    private String bearer() {
        if (settings.token() != null) {
            return "Bearer " + settings.token();
        }
        if (settings.username() == null) {
            return null;
        }
        if (loginToken == null) {
            ObjectNode credentials = JSON.createObjectNode()
                    .put("username", settings.username())
                    .put("password", settings.password());
            HttpResponse<String> response = send("POST", "/auth/token", credentials, "log in", null);
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new AirflowException("Airflow at " + base + " refused the credentials of user " + settings.username()
                        + " at /auth/token (HTTP " + status + detailPart(response.body()) + "): check airflow.username"
                        + " and airflow.password (or airflow.password-env), or set airflow.token", status, null);
            }
            if (status < 200 || status >= 300) {
                throw failure("log in as " + settings.username() + " (POST /auth/token)", status, response.body(),
                        "this Airflow has no /auth/token endpoint (Airflow 3 with the simple or FAB auth manager has):"
                                + " create a token in Airflow and set it as airflow.token", null);
            }
            String token = text(parse(response.body(), "log in").get("access_token"));
            if (token == null || token.isBlank()) {
                throw new AirflowException("Airflow at " + base + " answered POST /auth/token without an access_token:"
                        + " create a token in Airflow and set it as airflow.token");
            }
            loginToken = token;
        }
        return "Bearer " + loginToken;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body, String action, String authorization) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new AirflowException("Airflow at " + base + " did not answer within " + human(settings.timeout())
                    + " when asked to " + action + ": check that the API server is healthy, or raise"
                    + " airflow.timeout-seconds", 0, e);
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            throw new AirflowException("cannot reach Airflow at " + base + " to " + action + " (" + oneLine(why, 200)
                    + "): check airflow.url (CDHT_AIRFLOW_URL) and that the Airflow API server is running", 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AirflowException("interrupted while asking Airflow at " + base + " to " + action, 0, e);
        }
    }

    private AirflowException failure(String action, int status, String body, String notFound, String conflict) {
        String what = "Airflow at " + base + " could not " + action + " (HTTP " + status + detailPart(body) + "): ";
        String todo = switch (status) {
            case 401 -> settings.token() != null
                    ? "check airflow.token (CDHT_AIRFLOW_TOKEN): it is wrong or has expired"
                    : settings.username() != null
                            ? "check airflow.username and airflow.password (or airflow.password-env)"
                            : "this Airflow needs credentials: set airflow.username and airflow.password, or airflow.token";
            case 403 -> "the account (" + settings.describeAuth() + ") lacks the permission: give it a role that may do"
                    + " this in Airflow (e.g. User or Op), or use another account";
            case 404 -> notFound != null ? notFound : "check airflow.url: it should be the API server, e.g. http://airflow:8080";
            case 409 -> conflict != null ? conflict : "it conflicts with what Airflow already has";
            case 400, 422 -> "Airflow refused the values sent: check the options given";
            default -> status >= 500 ? "the Airflow API server failed: see its log" : "unexpected answer";
        };
        return new AirflowException(what + todo, status, null);
    }

    private String dagNotFound(String dagId) {
        return "no DAG " + dagId + " in Airflow: install orchestration/airflow/dags/cdht_pipeline.py in its DAGs folder"
                + " (cdht airflow dag --out FILE) and wait for it to be parsed, or set airflow.dag-id";
    }

    private String runNotFound(String dagId, String dagRunId) {
        return "no run " + dagRunId + " of DAG " + dagId + ": check --run-id (as 'cdht airflow trigger' printed it) and"
                + " airflow.dag-id";
    }

    private static String runPath(String dagId, String dagRunId) {
        return "/api/v2/dags/" + segment(dagId) + "/dagRuns/" + segment(dagRunId);
    }

    /** Percent-encodes one path segment (run ids hold ':' and '+'). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode parse(String body, String action) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AirflowException("Airflow at " + base + " answered the request to " + action + " with something"
                    + " other than JSON (" + oneLine(body, 120) + "): check that airflow.url is the Airflow API server");
        }
    }

    /** {@code ": <detail>"} from an error body, or empty. */
    private static String detailPart(String body) {
        String d = detail(body);
        return d.isEmpty() ? "" : ": " + d;
    }

    /**
     * What an error body says: Airflow 3's {@code {"detail": "..."}} (a string, an object, or FastAPI's list of
     * validation errors), the problem documents of older APIs ({@code title}, {@code detail}), or plain text.
     */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return oneLine(body, 200);
        }
        if (node == null || !node.isObject()) {
            return oneLine(body, 200);
        }
        JsonNode detail = node.get("detail");
        String text;
        if (detail != null && detail.isTextual() && !detail.asText().isBlank()) {
            text = detail.asText();
        } else if (detail != null && detail.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode error : detail) {
                List<String> loc = new ArrayList<>();
                for (JsonNode l : error.path("loc")) {
                    if (!"body".equals(l.asText())) {
                        loc.add(l.asText());
                    }
                }
                String msg = error.path("msg").asText(error.toString());
                parts.add(loc.isEmpty() ? msg : String.join(".", loc) + ": " + msg);
            }
            text = String.join("; ", parts);
        } else if (detail != null && detail.isObject()) {
            JsonNode reason = detail.has("message") ? detail.get("message") : detail.get("reason");
            text = reason != null && reason.isTextual() ? reason.asText() : detail.toString();
        } else if (node.hasNonNull("title")) {
            text = node.get("title").asText();
        } else if (node.hasNonNull("message")) {
            text = node.get("message").asText();
        } else {
            text = node.toString();
        }
        return oneLine(text, 300);
    }

    private static String oneLine(String s, int max) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    private static Dag dag(JsonNode node) {
        return new Dag(text(node.get("dag_id")), node.path("is_paused").asBoolean(false));
    }

    private static DagRun dagRun(JsonNode node) {
        return new DagRun(text(node.get("dag_id")), text(node.get("dag_run_id")), text(node.get("state")),
                date(node.get("logical_date")), date(node.get("start_date")), date(node.get("end_date")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static OffsetDateTime date(JsonNode node) {
        String s = text(node);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new AirflowException("Airflow answered a date cdht cannot read: '" + s + "'");
            }
        }
    }

    /** 90 s, 5 min, 2 h 30 min. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 120) {
            return s + " s";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }
}
