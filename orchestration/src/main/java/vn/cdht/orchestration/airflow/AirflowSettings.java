package vn.cdht.orchestration.airflow;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;

/**
 * Where Airflow is and how to authenticate (configuration keys {@code airflow.*}). {@link #toString()} never shows the
 * password or the token.
 *
 * @param url the API server, e.g. {@code http://airflow:8080} (endpoints under {@code /api/v2}), or null when not set
 * @param token a static bearer token, or null
 * @param username with {@code password}: the account whose token {@code POST /auth/token} returns, or null
 * @param password from {@code airflow.password}, or the environment variable named by {@code airflow.password-env}
 * @param dagId the pipeline's DAG ({@code airflow.dag-id})
 * @param timeout connect and request timeout
 */
public record AirflowSettings(URI url, String token, String username, String password, String dagId, Duration timeout) {

    public static final String DEFAULT_DAG_ID = "cdht_pipeline";

    public static AirflowSettings from(CdhtConfig config) {
        return from(config, System::getenv);
    }

    /** @param env the environment, for {@code airflow.password-env} */
    public static AirflowSettings from(CdhtConfig config, Function<String, String> env) {
        URI url = config.find("airflow.url").map(AirflowSettings::url).orElse(null);
        String username = config.find("airflow.username").orElse(null);
        String password = config.find("airflow.password").orElse(null);
        if (password == null && config.find("airflow.password-env").isPresent()) {
            String variable = config.find("airflow.password-env").get();
            password = env.apply(variable);
            if (password == null || password.isEmpty()) {
                throw new ConfigException("airflow.password-env names the environment variable " + variable
                        + ", which is not set: set it, or set the password in CDHT_AIRFLOW_PASSWORD");
            }
        }
        if (username != null && password == null) {
            throw new ConfigException("airflow.username is set but no password: set CDHT_AIRFLOW_PASSWORD, or name the"
                    + " variable that holds it in airflow.password-env");
        }
        String dagId = config.get("airflow.dag-id", DEFAULT_DAG_ID).strip();
        if (!dagId.matches("[A-Za-z0-9_.-]{1,250}")) {
            throw new ConfigException("airflow.dag-id may hold only letters, digits, '_', '.' and '-', not '" + dagId + "'");
        }
        int seconds = config.requireInt("airflow.timeout-seconds");
        if (seconds < 1 || seconds > 3600) {
            throw new ConfigException("configuration key airflow.timeout-seconds must be between 1 and 3600, not " + seconds);
        }
        return new AirflowSettings(url, config.find("airflow.token").orElse(null), username, password, dagId,
                Duration.ofSeconds(seconds));
    }

    private static URI url(String value) {
        String v = value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.endsWith("/api/v2")) {
            v = v.substring(0, v.length() - "/api/v2".length());
        }
        try {
            URI uri = URI.create(v);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new ConfigException("airflow.url must be the Airflow API server as http(s)://host:port, e.g."
                + " http://airflow:8080, not '" + value + "'");
    }

    /** The URL, or a message saying how to configure it. */
    public URI requireUrl() {
        if (url == null) {
            throw new ConfigException("airflow.url is not set: set it to the Airflow API server, e.g. http://airflow:8080,"
                    + " in the configuration file or in CDHT_AIRFLOW_URL (see README, Apache Airflow)");
        }
        return url;
    }

    /** How requests authenticate, for messages: {@code a static token}, {@code user admin}, {@code no credentials}. */
    public String describeAuth() {
        return token != null ? "a static token (airflow.token)" : username != null ? "user " + username : "no credentials";
    }

    @Override
    public String toString() {
        return "AirflowSettings[" + (url == null ? "(no airflow.url)" : url) + ", " + describeAuth() + ", password "
                + (password == null ? "none" : "****") + ", dag " + dagId + ", timeout " + timeout.toSeconds() + " s]";
    }
}
