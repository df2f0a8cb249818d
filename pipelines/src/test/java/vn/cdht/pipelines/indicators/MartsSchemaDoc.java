package vn.cdht.pipelines.indicators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns {@code docs/marts-schema.md} states for each mart: its {@code ## mart.<table> — …} sections, either a
 * table ({@code | column, column | TYPE | meaning |}) or a list ({@code name TYPE (meaning), name, name TYPE, …},
 * where a type may close a group of names). A column's type is known when the text gives one right after its name.
 */
record MartsSchemaDoc(Map<String, Map<String, Optional<String>>> marts) {

    private static final Pattern SECTION = Pattern.compile("^## mart\\.([a-z_]+) ", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("[A-Z]+(\\(\\d+,\\s*\\d+\\))?");

    static MartsSchemaDoc read(Path file) throws IOException {
        String text = Files.readString(file);
        Map<String, Map<String, Optional<String>>> marts = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String body = text.substring(text.indexOf('\n', starts.get(i)[1]) + 1, end);
            marts.put(names.get(i), body.strip().startsWith("|") ? table(body) : list(body));
        }
        return new MartsSchemaDoc(marts);
    }

    private static Map<String, Optional<String>> table(String body) {
        Map<String, Optional<String>> columns = new LinkedHashMap<>();
        for (String line : body.lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 3 || cells[1].isBlank() || cells[1].strip().equals("column") || cells[1].contains("---")) {
                continue;
            }
            Optional<String> type = Optional.of(cells[2].strip()).filter(t -> !t.isEmpty());
            for (String name : cells[1].split(",")) {
                columns.put(name.strip(), type);
            }
        }
        return columns;
    }

    private static Map<String, Optional<String>> list(String body) {
        String flat = body.replaceAll("\\s+", " ");
        flat = withoutExplanations(flat);
        Map<String, Optional<String>> columns = new LinkedHashMap<>();
        for (String item : splitTopLevel(flat)) {
            String[] words = item.strip().replaceAll("[.]$", "").split(" ");
            int w = words[0].equals("all") ? 1 : 0; // "…, all DECIMAL(18,4)": a type for the names before
            if (w >= words.length || !NAME.matcher(words[w]).matches()) {
                continue;
            }
            Optional<String> type = w + 1 < words.length && TYPE.matcher(words[w + 1].replaceAll("[.]$", "")).matches()
                    ? Optional.of(words[w + 1].replaceAll("[.]$", "")) : Optional.empty();
            if (w == 0) {
                columns.put(words[0], type);
            }
        }
        return columns;
    }

    /** Drops " (…)" explanations (nested), keeping a type's own parentheses such as DECIMAL(18,4). */
    private static String withoutExplanations(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' && (depth > 0 || (i > 0 && s.charAt(i - 1) == ' '))) {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitTopLevel(String s) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                items.add(s.substring(from, i));
                from = i + 1;
            }
        }
        items.add(s.substring(from));
        return items;
    }
}
