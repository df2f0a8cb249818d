package vn.cdht.warehouse.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole configuration of one cdht installation, as flat keys such as {@code catalog.uri}.
 *
 * <p>Precedence, lowest first: built-in defaults ({@code cdht-defaults.properties}), the configuration file
 * ({@code --config} / {@code CDHT_CONFIG}), environment variables, and {@code --home}. Every key {@code a.b-c} can be
 * overridden by the environment variable {@code CDHT_A_B_C}. Values may refer to other keys as {@code ${key}}; the
 * home folder is {@code ${home}}.
 */
public final class CdhtConfig {

    public static final String HOME = "home";
    public static final String ENV_PREFIX = "CDHT_";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    private final Map<String, String> values;
    private final Optional<Path> file;

    private CdhtConfig(Map<String, String> values, Optional<Path> file) {
        this.values = Collections.unmodifiableMap(values);
        this.file = file;
    }

    /**
     * @param home  the home folder given on the command line or by {@code CDHT_HOME}, or null
     * @param file  the configuration file given by {@code --config} / {@code CDHT_CONFIG}, or null
     * @param env   the process environment
     */
    public static CdhtConfig load(Path home, Path file, Map<String, String> env) {
        Map<String, String> raw = new LinkedHashMap<>(defaults());
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("configuration file " + file + " does not exist (given by --config or CDHT_CONFIG)");
            }
            raw.putAll(read(file));
        }
        for (String key : raw.keySet().toArray(String[]::new)) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null && !fromEnv.isBlank()) {
                raw.put(key, fromEnv);
            }
        }
        if (home != null) {
            raw.put(HOME, home.toString());
        }
        raw.put(HOME, Path.of(raw.get(HOME)).toAbsolutePath().normalize().toString());
        Map<String, String> resolved = new TreeMap<>();
        for (String key : raw.keySet()) {
            resolved.put(key, resolve(key, raw, 0));
        }
        return new CdhtConfig(resolved, Optional.ofNullable(file));
    }

    /** Configuration from defaults plus the given overrides; for tests and embedded use. */
    public static CdhtConfig of(Path home, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>();
        overrides.forEach((k, v) -> env.put(envName(k), v));
        return load(home, null, env);
    }

    /** The environment variable that overrides {@code key}: {@code catalog.uri} is {@code CDHT_CATALOG_URI}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Path home() {
        return Path.of(values.get(HOME));
    }

    public Optional<Path> file() {
        return file;
    }

    public Optional<String> find(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String require(String key) {
        return find(key).orElseThrow(() -> new ConfigException(
                "configuration key " + key + " is not set (set it in the configuration file or in " + envName(key) + ")"));
    }

    public String get(String key, String fallback) {
        return find(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        Optional<String> value = find(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("configuration key " + key + " must be a whole number, not '" + value.get() + "'");
        }
    }

    /** A whole number that the defaults (cdht-defaults.properties) always give: its default is declared there only. */
    public int requireInt(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("configuration key " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public long getLong(String key, long fallback) {
        Optional<String> value = find(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("configuration key " + key + " must be a whole number, not '" + value.get() + "'");
        }
    }

    /** Every key under {@code prefix.}, with the prefix removed, e.g. {@code subset("spark.conf")}. */
    public Map<String, String> subset(String prefix) {
        String dotted = prefix + ".";
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(dotted) && v != null && !v.isBlank()) {
                out.put(k.substring(dotted.length()), v);
            }
        });
        return out;
    }

    /** All keys and values, secrets masked: for {@code cdht status} and logs. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, isSecret(k) && v != null && !v.isBlank() ? "****" : v));
        return out;
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("credential");
    }

    private static String resolve(String key, Map<String, String> raw, int depth) {
        String value = raw.get(key);
        if (value == null) {
            return null;
        }
        if (depth > 10) {
            throw new ConfigException("configuration key " + key + " refers to itself through ${...}");
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            if (!raw.containsKey(ref)) {
                throw new ConfigException("configuration key " + key + " refers to unknown key ${" + ref + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(ref, raw, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> defaults() {
        try (InputStream in = CdhtConfig.class.getResourceAsStream("/cdht-defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("cdht-defaults.properties missing from the classpath");
            }
            return toMap(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(Path file) {
        try {
            return toMap(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> toMap(byte[] bytes) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k.trim(), p.getProperty(k).trim()));
        return out;
    }
}
