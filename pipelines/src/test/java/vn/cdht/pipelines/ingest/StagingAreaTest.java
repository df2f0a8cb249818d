package vn.cdht.pipelines.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StagingAreaTest {

    @Test
    void everySourcePathHasItsOwnStagedFile() {
        List<String> names = List.of("sub1/a.csv", "sub1_a.csv", "sub1 a.csv", "đợt 1/tai_khoan.csv",
                "___ 1/tai_khoan.csv", "tai_khoan.csv", "_hidden/tai_khoan.csv");
        Set<String> staged = names.stream().map(StagingArea::stagedName).collect(Collectors.toSet());
        assertEquals(names.size(), staged.size(), staged.toString());
        for (String s : staged) {
            assertTrue(s.matches("[0-9a-f]{12}-[A-Za-z0-9._-]+\\.jsonl"), s);
        }
        assertEquals(StagingArea.stagedName("sub1/a.csv"), StagingArea.stagedName("sub1/a.csv"));
        assertNotEquals(StagingArea.stagedName("A.csv"), StagingArea.stagedName("a.csv"));
        assertTrue(StagingArea.stagedName("x/".repeat(500) + "tai_khoan.csv").length() < 130, "cut short");
    }
}
