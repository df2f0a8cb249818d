package vn.cdht.warehouse.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ten example questions of docs/analyst-guide.md run as written against the documented mart schemas. */
class AnalystGuideTest {

    private static final Path GUIDE = Path.of("../docs/analyst-guide.md");

    @TempDir
    Path home;

    @Test
    void everyExampleQueryRunsAsWritten() throws Exception {
        List<String> queries = sqlBlocks(Files.readString(GUIDE));
        assertEquals(10, queries.size(), "the guide has exactly ten questions");
        Path db = home.resolve("analyst.duckdb");
        try (IcebergFixture f = new IcebergFixture(home)) {
            Marts.createAll(f);
            new AnalystDatabasePublisher("test").publish(f.catalog, db);
        }
        List<Integer> answered = new ArrayList<>();
        try (AnalystQuery q = AnalystQuery.open(db)) {
            for (int i = 0; i < queries.size(); i++) {
                QueryResult r = q.query(queries.get(i));
                assertFalse(r.columns().isEmpty(), "query " + (i + 1));
                if (!r.rows().isEmpty()) {
                    answered.add(i + 1);
                }
            }
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), answered, "each question finds the fixture's rows");
    }

    static List<String> sqlBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
