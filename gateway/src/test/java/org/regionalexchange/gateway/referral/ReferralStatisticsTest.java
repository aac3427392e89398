package org.regionalexchange.gateway.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.policy.referral.Priority;
import org.regionalexchange.policy.referral.ReferralType;

/**
 * The referrals' tables: fixed lists of cells that cover every type, priority and status the
 * referral feature knows (a new one must be placed in the tables deliberately), and the outcome a
 * referral is counted under.
 */
class ReferralStatisticsTest {

    @Test
    @DisplayName("the tables are by type, by priority and by outcome, each with every value of the feature and UNKNOWN")
    void tablesCoverTheFeature() {
        assertEquals(List.of("by-type", "by-priority", "by-outcome"),
                ReferralStatistics.SENT.tables().stream().map(t -> t.name()).toList());
        assertEquals(withUnknown(Arrays.stream(ReferralType.values()).map(Enum::name).toList()),
                ReferralStatistics.TYPE.values());
        assertEquals(withUnknown(Arrays.stream(Priority.values()).map(Enum::name).toList()),
                ReferralStatistics.PRIORITY.values());
        for (ReferralStatus status : ReferralStatus.values()) {
            if (status != ReferralStatus.COMPLETED) {
                assertEquals(status.name(), ReferralStatistics.outcome(status.name(), null), "its own cell");
            }
        }
        assertEquals(ReferralStatus.values().length + 2, ReferralStatistics.OUTCOME.values().size(),
                "every status, COMPLETED split in two, and UNKNOWN");
        assertEquals("referrals", ReferralStatistics.SENT.unit());
    }

    @Test
    @DisplayName("a completed referral counts as successful or not as the receiver recorded; a status not known, or a"
            + " completion without its step, counts as UNKNOWN")
    void outcome() {
        assertEquals("COMPLETED_SUCCESSFUL", ReferralStatistics.outcome("COMPLETED", true));
        assertEquals("COMPLETED_NOT_SUCCESSFUL", ReferralStatistics.outcome("COMPLETED", false));
        assertEquals("UNKNOWN", ReferralStatistics.outcome("COMPLETED", null));
        assertEquals("DECLINED", ReferralStatistics.outcome("DECLINED", null));
        assertEquals("REVOKED", ReferralStatistics.outcome("REVOKED", null));
        assertEquals("UNKNOWN", ReferralStatistics.outcome("FORWARDED", null));
        assertEquals("UNKNOWN", ReferralStatistics.outcome(null, null));
        assertTrue(ReferralStatistics.OUTCOME.values().stream().allMatch(v -> v.equals(
                ReferralStatistics.OUTCOME.classify(v))));
    }

    private static List<String> withUnknown(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add("UNKNOWN");
        return all;
    }
}
