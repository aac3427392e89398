package org.regionalexchange.gateway.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lifecycle of docs/design.md §11, every pair of statuses: exactly these moves are allowed. */
class ReferralStatusTest {

    private static final Map<ReferralStatus, Set<ReferralStatus>> ALLOWED = Map.of(
            ReferralStatus.SENT, EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.REVOKED),
            ReferralStatus.RECEIVED, EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.REVOKED),
            ReferralStatus.ACCEPTED, EnumSet.of(ReferralStatus.COMPLETED, ReferralStatus.REVOKED),
            ReferralStatus.DECLINED, EnumSet.noneOf(ReferralStatus.class),
            ReferralStatus.COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            ReferralStatus.REVOKED, EnumSet.noneOf(ReferralStatus.class));

    @Test
    @DisplayName("SENT → RECEIVED → ACCEPTED or DECLINED → COMPLETED (from ACCEPTED); REVOKED only while open; nothing after a close")
    void everyMove() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.mayBecome(to), from + " -> " + to);
            }
        }
    }

    @Test
    @DisplayName("open: SENT, RECEIVED, ACCEPTED")
    void open() {
        for (ReferralStatus status : ReferralStatus.values()) {
            assertEquals(EnumSet.of(ReferralStatus.SENT, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED).contains(status),
                    status.isOpen(), status::name);
        }
    }
}
