package org.regionalexchange.gateway.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.validation.JsonText;
import org.regionalexchange.policy.referral.ReferredPerson;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ObjectNode;

/**
 * What crosses to the other node of a referral, decided in the transaction of the change: the
 * referral itself (to the receiving node), the receiver's steps (back to the sender) and the
 * sender's revocation (to the receiver). A referral revoked before it was delivered never leaves.
 */
@Component
class ReferralDeliveries {

    private final ReferralOutbox outbox;
    private final NodeProperties node;

    ReferralDeliveries(ReferralOutbox outbox, NodeProperties node) {
        this.outbox = outbox;
        this.node = node;
    }

    /** True when the referral was sent here to an agency of another node. */
    boolean isOutgoingAcrossNodes(Referral referral) {
        return referral.senderNode() == null && !referral.receiverNode().equals(node.id());
    }

    /** Queues a referral to an agency of another node; the referral row is already flushed. */
    void referralSent(Referral referral, ReferredPerson person, Instant now) {
        UUID messageId = UUID.randomUUID();
        outbox.add(referral.id(), ReferralOutbox.REFERRAL, referral.receiverNode(),
                ReferralMessages.referral(messageId, referral, person), now);
    }

    /** Queues a step taken on this node for the referral's other node, if it has one. */
    void stepTaken(Referral referral, ReferralStep step, Instant now) {
        if (referral.senderNode() != null && step.status() != ReferralStatus.REVOKED) {
            add(referral, referral.senderNode(), step, now);
        } else if (isOutgoingAcrossNodes(referral) && step.status() == ReferralStatus.REVOKED
                && !outbox.cancelUndelivered(referral.id())) {
            add(referral, referral.receiverNode(), step, now);
        }
    }

    private void add(Referral referral, String target, ReferralStep step, Instant now) {
        UUID messageId = UUID.randomUUID();
        outbox.add(referral.id(), ReferralOutbox.STEP, target, ReferralMessages.step(messageId, referral.id(), step),
                now);
    }

    /** Adds {@code delivery} (and, on the receiving side, {@code fromNode}) to a referral's view. */
    ObjectNode describe(Referral referral, ObjectNode view) {
        return describe(referral, view, outbox.delivery(referral.id()));
    }

    /** {@link #describe} for each referral of a list's page, their deliveries read in one statement. */
    List<ObjectNode> describeAll(List<Referral> referrals, Function<Referral, ObjectNode> view) {
        Map<UUID, ReferralOutbox.Delivery> deliveries = outbox.deliveries(referrals.stream().map(Referral::id).toList());
        return referrals.stream()
                .map(r -> describe(r, view.apply(r), Optional.ofNullable(deliveries.get(r.id()))))
                .toList();
    }

    private static ObjectNode describe(Referral referral, ObjectNode view, Optional<ReferralOutbox.Delivery> found) {
        if (referral.senderNode() != null) {
            view.put("fromNode", referral.senderNode());
        }
        found.ifPresent(d -> {
            ObjectNode delivery = JsonText.mapper().createObjectNode();
            if (d.state() != null) {
                delivery.put("state", d.state());
                delivery.put("attempts", d.attempts());
                if (d.deliveredAt() != null) {
                    delivery.put("deliveredAt", d.deliveredAt().toString());
                }
                if (d.lastError() != null) {
                    delivery.put("lastError", d.lastError());
                }
            }
            delivery.put("pendingSteps", d.pendingSteps());
            view.set("delivery", delivery);
        });
        return view;
    }
}
