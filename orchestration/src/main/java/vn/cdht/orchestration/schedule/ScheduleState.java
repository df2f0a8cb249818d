package vn.cdht.orchestration.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the scheduler has already handled, per entry: the last fire time it ran, skipped or gave up (or, the first
 * time an entry is seen, the moment the scheduler started). On a restart it tells the fire times missed while the
 * process was down. Kept in a small properties file ({@code schedule.state-file}), replaced atomically; or in memory.
 */
public final class ScheduleState {

    private final Path file;
    private final Map<String, Instant> handled = new TreeMap<>();

    private ScheduleState(Path file) {
        this.file = file;
    }

    public static ScheduleState inMemory() {
        return new ScheduleState(null);
    }

    /** The state in {@code file}, empty if it does not exist yet; entries it cannot read are forgotten. */
    public static ScheduleState file(Path file) {
        ScheduleState state = new ScheduleState(file);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the scheduler state " + file + ": " + e.getMessage(), e);
            }
            for (String name : p.stringPropertyNames()) {
                try {
                    state.handled.put(name, Instant.parse(p.getProperty(name).strip()));
                } catch (DateTimeParseException ignored) {
                    // a damaged line: that entry starts afresh
                }
            }
        }
        return state;
    }

    public synchronized Optional<Instant> handledUntil(String entry) {
        return Optional.ofNullable(handled.get(entry));
    }

    /** Records that every fire time of {@code entry} up to {@code time} is handled. */
    public synchronized void record(String entry, Instant time) {
        handled.put(entry, time);
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        handled.forEach((k, v) -> p.setProperty(k, v.toString()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".scheduler-state", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "cdht scheduler: last fire time handled per entry (UTC)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scheduler state " + file + ": " + e.getMessage(), e);
        }
    }
}
