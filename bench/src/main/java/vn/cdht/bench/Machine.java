package vn.cdht.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the benchmark ran on: cores, memory, CPU, OS, Java, and the versions of the main libraries. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal").map(v -> {
            long kb = Long.parseLong(v.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GB RAM", kb / 1024.0 / 1024.0);
        }).orElse("unknown memory");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    static String versions(Path repository) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> jars = Files.list(repository.resolve("orchestration/target/lib"))) {
            for (String jar : jars.map(p -> p.getFileName().toString()).sorted().toList()) {
                version(jar, "spark-core_2.13-", "Spark").ifPresent(out::add);
                version(jar, "iceberg-spark-runtime-4.1_2.13-", "Iceberg").ifPresent(out::add);
                version(jar, "duckdb_jdbc-", "DuckDB JDBC").ifPresent(out::add);
                version(jar, "jasperreports-", "JasperReports").ifPresent(out::add);
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return String.join(", ", out);
    }

    private static java.util.Optional<String> version(String jar, String prefix, String name) {
        if (jar.startsWith(prefix) && jar.endsWith(".jar") && Character.isDigit(jar.charAt(prefix.length()))) {
            return java.util.Optional.of(name + " " + jar.substring(prefix.length(), jar.length() - 4));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
