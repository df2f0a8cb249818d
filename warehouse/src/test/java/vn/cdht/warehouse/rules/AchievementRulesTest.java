package vn.cdht.warehouse.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdht.warehouse.reference.ReferenceSources;

class AchievementRulesTest {

    private static final AchievementRules BUNDLED = AchievementRules.bundled();

    @Test
    void theSetInForceIsTheOneValidThatYearAndTheEarliestBeforeAny() {
        assertEquals("244/QĐ-KHVN", BUNDLED.ruleFor(2023, "I").setCode());
        assertEquals("324/QĐ-KHVN", BUNDLED.ruleFor(2024, "II").setCode());
        assertEquals("324/QĐ-KHVN", BUNDLED.ruleFor(2040, "III").setCode());
        assertEquals("244/QĐ-KHVN", BUNDLED.ruleFor(2019, "I").setCode());
        AchievementRule rule = BUNDLED.ruleFor(2024, "III");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), rule.criteria().stream().map(Criterion::number).toList());
        assertEquals(0, new BigDecimal("50").compareTo(rule.minTotal()));
        assertEquals(7, rule.minCriteriaMet());
    }

    @Test
    void scoresOnThePassMarksAndTheLeastTotalEarnTheTitleAndAMandatoryFailureDoesNot() {
        AchievementRule rule = BUNDLED.ruleFor(2025, "I");
        List<BigDecimal> onTheMarks = new ArrayList<>(Collections.nCopies(10, new BigDecimal("5")));
        assertTrue(rule.achieved(onTheMarks));
        List<BigDecimal> mandatoryBelow = new ArrayList<>(Collections.nCopies(10, BigDecimal.TEN));
        mandatoryBelow.set(0, new BigDecimal("4.5")); // criterion 1 is mandatory
        assertFalse(rule.achieved(mandatoryBelow));
        List<BigDecimal> optionalBelow = new ArrayList<>(Collections.nCopies(10, BigDecimal.TEN));
        optionalBelow.set(3, BigDecimal.ZERO); // criterion 4 is not
        assertTrue(rule.achieved(optionalBelow));
        List<BigDecimal> justShort = new ArrayList<>(onTheMarks);
        justShort.set(9, new BigDecimal("4.5"));
        assertFalse(rule.achieved(justShort), "a total of 49.5");
    }

    @Test
    void aDeploymentsRulesReplaceTheBundledOnes(@TempDir Path dir) throws IOException {
        Path bundled = Path.of("src/main/resources/rules");
        Files.copy(bundled.resolve("criteria_sets.csv"), dir.resolve("criteria_sets.csv"));
        Files.writeString(dir.resolve("achievement_rules.csv"), Files.readString(bundled.resolve("achievement_rules.csv"))
                .replace("324/QĐ-KHVN,1,I,50,7,true,false", "324/QĐ-KHVN,1,I,80,10,true,false"));
        AchievementRule rule = AchievementRules.read(new ReferenceSources(Optional.of(dir))).ruleFor(2025, "I");
        assertEquals(0, new BigDecimal("80").compareTo(rule.minTotal()));
        assertEquals(10, rule.minCriteriaMet());
    }
}
