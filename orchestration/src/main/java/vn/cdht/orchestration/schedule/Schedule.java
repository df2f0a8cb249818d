package vn.cdht.orchestration.schedule;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cdht.orchestration.pipeline.PipelineStage;
import vn.cdht.orchestration.pipeline.RunRequest;
import vn.cdht.warehouse.config.CdhtConfig;
import vn.cdht.warehouse.config.ConfigException;
import vn.cdht.warehouse.config.VietnamTime;

/**
 * The embedded scheduler's configuration: the keys under {@code schedule.}.
 *
 * <ul>
 *   <li>{@code schedule.<name>.cron}: when entry {@code <name>} fires (five-field cron, see {@link CronExpression});
 *       empty: the entry is disabled;</li>
 *   <li>{@code schedule.<name>.from} / {@code schedule.<name>.only}: the first stage it runs (then every later one),
 *       or the one stage it runs; neither: the whole pipeline (a failed run resumes from its failed stage);</li>
 *   <li>{@code schedule.zone}: the time zone of every cron expression (empty: Vietnam time, {@link VietnamTime#ZONE});</li>
 *   <li>{@code schedule.misfire-grace-minutes}, {@code schedule.shutdown-timeout-seconds},
 *       {@code schedule.state-file}: see {@link Scheduler}.</li>
 * </ul>
 *
 * @param entries  the enabled entries, by name
 * @param disabled the names with a {@code from} or {@code only} but no {@code cron}
 */
public record Schedule(ZoneId zone, List<Entry> entries, List<String> disabled, Duration misfireGrace,
        Duration shutdownTimeout, Path stateFile) {

    public static final String PREFIX = "schedule.";
    private static final Set<String> SETTINGS = Set.of("zone", "misfire-grace-minutes", "shutdown-timeout-seconds",
            "state-file");
    private static final Set<String> ATTRIBUTES = Set.of("cron", "from", "only", "until");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public Schedule {
        entries = List.copyOf(entries);
        disabled = List.copyOf(disabled);
    }

    /** One scheduled run: when, and which stages. */
    public record Entry(String name, CronExpression cron, PipelineStage from, PipelineStage only, PipelineStage until) {

        public Entry(String name, CronExpression cron, PipelineStage from, PipelineStage only) {
            this(name, cron, from, only, null);
        }

        public RunRequest request() {
            return RunRequest.scheduled(from, only, until);
        }

        /** The stages it runs, for people: {@code bulletins → deliver}, {@code only publish}. */
        public String stages() {
            if (only != null) {
                return "only " + only.code();
            }
            if (from == null && until == null) {
                return "whole pipeline (a failed run resumes at its failed stage)";
            }
            List<PipelineStage> s = (from == null ? PipelineStage.INGEST : from).andAfter().stream()
                    .filter(x -> until == null || x.ordinal() <= until.ordinal()).toList();
            return s.size() == 1 ? s.get(0).code() : s.get(0).code() + " → " + s.get(s.size() - 1).code();
        }
    }

    public static Schedule from(CdhtConfig config) {
        return parse(config.subset("schedule"), config.home());
    }

    /**
     * @param keys the keys under {@code schedule.} without that prefix, as {@link CdhtConfig#subset} gives them
     * @param home where the state file goes unless {@code state-file} says otherwise
     * @throws ConfigException naming the key and saying what is expected
     */
    public static Schedule parse(Map<String, String> keys, Path home) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (SETTINGS.contains(key) || value.isEmpty()) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String name = dot < 0 ? "" : key.substring(0, dot);
            String attribute = key.substring(dot + 1);
            if (!NAME.matcher(name).matches() || !ATTRIBUTES.contains(attribute)) {
                throw new ConfigException("unknown configuration key " + PREFIX + key + ": expected "
                        + PREFIX + "<name>.cron, .from or .only, or one of "
                        + SETTINGS.stream().sorted().map(s -> PREFIX + s).collect(Collectors.joining(", ")));
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(attribute, value);
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> disabled = new TreeSet<>();
        byName.forEach((name, attributes) -> {
            if (!attributes.containsKey("cron")) {
                disabled.add(name);
            } else {
                entries.add(entry(name, attributes));
            }
        });
        return new Schedule(zone(keys.get("zone")), entries, List.copyOf(disabled),
                Duration.ofMinutes(number(keys, "misfire-grace-minutes", 60)),
                Duration.ofSeconds(number(keys, "shutdown-timeout-seconds", 600)),
                stateFile(keys.get("state-file"), home));
    }

    private static Entry entry(String name, Map<String, String> attributes) {
        String key = PREFIX + name + ".";
        CronExpression cron;
        try {
            cron = CronExpression.parse(attributes.get("cron"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration key " + key + "cron: " + e.getMessage());
        }
        PipelineStage from = stage(key + "from", attributes.get("from"));
        PipelineStage only = stage(key + "only", attributes.get("only"));
        if (from != null && only != null) {
            throw new ConfigException("configuration keys " + key + "from and " + key + "only: set one of them, not both"
                    + " (from: that stage and every later one; only: that stage alone)");
        }
        PipelineStage until = stage(key + "until", attributes.get("until"));
        if (until != null && (only != null || from != null && until.ordinal() < from.ordinal())) {
            throw new ConfigException("configuration key " + key + "until: it must come after " + key + "from and"
                    + " cannot go with " + key + "only");
        }
        return new Entry(name, cron, from, only, until);
    }

    private static PipelineStage stage(String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            return PipelineStage.of(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration key " + key + ": " + e.getMessage());
        }
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return VietnamTime.ZONE;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new ConfigException("configuration key " + PREFIX + "zone must be a time zone such as "
                    + VietnamTime.ZONE.getId() + " or UTC, not '" + value.strip() + "'");
        }
    }

    private static long number(Map<String, String> keys, String name, long fallback) {
        String value = keys.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("configuration key " + PREFIX + name + " must be a whole number of "
                + name.substring(name.lastIndexOf('-') + 1) + " (0 or more), not '" + value.strip() + "'");
    }

    private static Path stateFile(String value, Path home) {
        return value == null || value.isBlank() ? home.resolve("scheduler-state.properties") : Path.of(value.strip());
    }
}
