package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recipient officer of a disclosure is shown as the requester node named it, however the holder logged it. */
class DisclosureReportTest {

    @Test
    @DisplayName("an officer of node kg logged as kg:<officer> or as <officer>; result: <officer>; a node acting for nobody named; result: no officer")
    void officerAsTheRequesterNodeSentIt() {
        assertEquals("test.officer@kg-sms", DisclosureReport.officerAsSent("node:kg/test.officer@kg-sms", "kg"));
        assertEquals("test.officer@kg-sms", DisclosureReport.officerAsSent("test.officer@kg-sms", "kg"));
        assertNull(DisclosureReport.officerAsSent("node:tj/someone", "kg"), "only the recipient node's officers");
        assertNull(DisclosureReport.officerAsSent("node:kg", "kg"));
        assertNull(DisclosureReport.officerAsSent(null, "kg"));
    }
}
