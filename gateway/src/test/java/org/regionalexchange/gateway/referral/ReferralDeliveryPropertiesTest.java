package org.regionalexchange.gateway.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.config.ConfigurationProblems;

class ReferralDeliveryPropertiesTest {

    private static ReferralDeliveryProperties properties(Duration initial, double multiplier, Duration max,
            double jitter, int workers) {
        return new ReferralDeliveryProperties(initial, multiplier, max, jitter, Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(10), workers);
    }

    @Test
    @DisplayName("the pause doubles from 1 s after each failed attempt and stops growing at the cap")
    void exponentialWithCap() {
        var p = properties(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.2, 2);
        List<Long> pauses = new ArrayList<>();
        for (int attempts = 1; attempts <= 6; attempts++) {
            pauses.add(p.backoff(attempts).toMillis());
        }
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 10000L, 10000L), pauses);
        // A thousand failures later the pause is still the cap, not an overflow.
        assertEquals(Duration.ofSeconds(10), p.backoff(1000));
    }

    @Test
    @DisplayName("jitter shortens a pause by at most its fraction: 0.2 gives 3.2 s to 4 s for the third attempt")
    void jitterWithinItsFraction() {
        var p = properties(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2, 2);
        assertEquals(4000, p.backoff(3, 0.0).toMillis());
        assertEquals(3200, p.backoff(3, 1.0).toMillis());
        long middle = p.backoff(3, 0.5).toMillis();
        assertTrue(middle > 3200 && middle < 4000, "between: " + middle);
    }

    @Test
    @DisplayName("a zero initial pause, a multiplier below 1, a cap below the initial pause, jitter of 1 and no worker are refused at start-up")
    void badSettingsRefused() {
        ConfigurationProblems problems = new ConfigurationProblems();
        properties(Duration.ZERO, 0.5, Duration.ofMillis(-1), 1.0, 0).check(ReferralDeliveryProperties.PREFIX, problems);
        String all = String.join("\n", problems.list());
        for (String key : List.of("initial-backoff", "multiplier", "max-backoff", "jitter", "workers")) {
            assertTrue(all.contains(ReferralDeliveryProperties.PREFIX + "." + key), key + " in " + all);
        }
    }
}
