package vn.cdht.warehouse.analyst;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The views of the analyst database, with Vietnamese column labels: one SQL file per view in
 * {@code src/main/resources/analyst/views/<name>.sql}, created in schema {@code main}.
 */
final class AnalystViews {

    /** In creation order; each name is a file {@code analyst/views/<name>.sql}. */
    static final List<String> NAMES = List.of("do_phu_xa", "do_phu_tinh", "xa_duoi_60", "tien_do_don_vi",
            "tieu_chi_yeu", "xu_huong_tinh", "chi_tieu", "chat_luong_du_lieu");

    private static final Pattern TABLE = Pattern.compile("\\b(mart|ref|core)\\.([a-z0-9_]+)\\b");

    record View(String name, String sql) {

        /** The published tables it reads ({@code mart.coverage}, ...). */
        Set<String> tables() {
            Set<String> out = new LinkedHashSet<>();
            Matcher m = TABLE.matcher(sql);
            while (m.find()) {
                out.add(m.group(1) + "." + m.group(2));
            }
            return out;
        }
    }

    private AnalystViews() {
    }

    static List<View> all() {
        return NAMES.stream().map(AnalystViews::load).toList();
    }

    private static View load(String name) {
        String resource = "analyst/views/" + name + ".sql";
        try (InputStream in = AnalystViews.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new View(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
