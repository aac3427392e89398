package org.regionalexchange.gateway.referral;

import java.util.List;

import org.regionalexchange.gateway.validation.JsonText;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON answers about referrals. The receiving agency sees the referral, its history and the
 * data of the referred categories, never where it came from inside the sender (screening or
 * record id), and nothing of the person once the sender revoked it.
 */
final class ReferralView {

    private ReferralView() {
    }

    static ObjectNode sent(Referral referral) {
        ObjectNode view = summary(referral);
        view.put("basis", referral.basis().name());
        return view;
    }

    static ObjectNode summary(Referral referral) {
        ObjectNode view = JsonText.mapper().createObjectNode();
        view.put("id", referral.id().toString());
        view.put("fromAgency", referral.senderAgency());
        view.put("toAgency", referral.receiverAgency());
        view.put("type", referral.type());
        view.put("priority", referral.priority());
        view.put("status", referral.status().name());
        ArrayNode categories = view.putArray("categories");
        referral.categories().forEach(c -> categories.add(c.name()));
        view.put("sentAt", referral.createdAt().toString());
        view.put("updatedAt", referral.updatedAt().toString());
        return view;
    }

    static ObjectNode full(Referral referral, List<ReferralStep> steps, boolean forSender) {
        ObjectNode view = summary(referral);
        referral.basis().writeTo(view);
        view.put("sentBy", referral.sentBy());
        if (forSender) {
            if (referral.screeningId() != null) {
                view.put("screeningId", referral.screeningId().toString());
            }
            if (referral.recordId() != null) {
                view.put("recordId", referral.recordId().toString());
            }
        }
        if (referral.note() != null) {
            view.put("note", referral.note());
        }
        if (forSender || referral.status() != ReferralStatus.REVOKED) {
            view.set("data", referral.carried());
        }
        ArrayNode history = view.putArray("history");
        for (ReferralStep step : steps) {
            ObjectNode item = history.addObject();
            item.put("status", step.status().name());
            item.put("at", step.occurredAt().toString());
            item.put("by", step.actor());
            item.put("agency", step.agency());
            if (step.reason() != null) {
                item.put(step.status() == ReferralStatus.COMPLETED ? "reasonNotSuccessful" : "reason", step.reason());
            }
            if (step.successful() != null) {
                item.put("successful", step.successful());
            }
        }
        return view;
    }

    static ObjectNode page(List<ObjectNode> summaries, int page, int size, long total) {
        ObjectNode view = JsonText.mapper().createObjectNode();
        ArrayNode list = view.putArray("referrals");
        summaries.forEach(list::add);
        view.put("page", page);
        view.put("size", size);
        view.put("total", total);
        return view;
    }
}
