package vn.cdht.reports.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitDoublesWithEveryFailedAttemptUntilGivingUp() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofSeconds(60));
        Instant t = Instant.parse("2026-11-05T01:00:00Z");
        assertEquals(t.plusSeconds(60), p.nextAttempt(t, 1));
        assertEquals(t.plusSeconds(120), p.nextAttempt(t, 2));
        assertEquals(t.plusSeconds(240), p.nextAttempt(t, 3));
        assertEquals(t.plusSeconds(60L << 20), p.nextAttempt(t, 500), "bounded");
        assertFalse(p.givesUp(4));
        assertTrue(p.givesUp(5));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO));
    }
}
