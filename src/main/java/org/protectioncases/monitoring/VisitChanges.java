package org.protectioncases.monitoring;

import java.util.ArrayList;
import java.util.List;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.shared.FieldChanges;

/**
 * A visit's changes for its history, in the reader's language: the form's fields as
 * {@link AuditMessage#changes} gives them, then each count of others met that changed, labelled
 * by sex and age group ("Female, 0–4: 2 → 3"). The English details keep "field: old → new".
 */
final class VisitChanges {

    private VisitChanges() {
    }

    static AuditMessage between(VisitForm before, VisitForm after) {
        AuditMessage fields = AuditMessage.changes("visit", before.withoutCounts(), after.withoutCounts());
        List<String> args = new ArrayList<>(fields.args());
        for (boolean female : new boolean[] {true, false}) {
            for (AgeGroup group : AgeGroup.values()) {
                int old = before.othersMet().count(female, group);
                int now = after.othersMet().count(female, group);
                if (old != now) {
                    args.add(AuditMessage.keys(List.of(female ? "visit.female" : "visit.male", group.messageKey())));
                    args.add(String.valueOf(old));
                    args.add(String.valueOf(now));
                }
            }
        }
        String counts = FieldChanges.between(before.othersMet(), after.othersMet());
        String english = fields.english().isEmpty() ? counts : counts.isEmpty() ? fields.english() : fields.english() + "; " + counts;
        return new AuditMessage(AuditMessage.CHANGES, args, english);
    }
}
