package org.protectioncases.shelters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.shared.i18n.Formats;

/**
 * The shelter registry's and the residents' history entries, shown in the reader's language
 * ({@code history.shelter.*}); the English text stays each entry's details.
 */
final class ShelterHistory {

    private ShelterHistory() {
    }

    /** A new shelter: name, municipality, capacity and opening day. */
    static AuditMessage created(ShelterForm f) {
        String english = f.name() + ", " + f.municipalityCode() + ", capacity " + f.capacity()
                + (f.openedOn() == null ? "" : ", opened " + f.openedOn());
        List<String> args = new ArrayList<>(List.of(AuditMessage.text(f.name()), String.valueOf(f.municipalityCode()),
                String.valueOf(f.capacity())));
        if (f.openedOn() != null) {
            args.add(Formats.date(f.openedOn()));
        }
        return new AuditMessage(f.openedOn() == null ? "history.shelter.created" : "history.shelter.createdOpened", args, english);
    }

    static AuditMessage closed(@Nullable LocalDate closedOn) {
        return new AuditMessage("history.shelter.closed", List.of(Formats.date(closedOn)), "closed on " + closedOn);
    }

    static AuditMessage reopened(@Nullable LocalDate reopenedOn, @Nullable LocalDate closedOn) {
        return new AuditMessage("history.shelter.reopened", List.of(Formats.date(reopenedOn), Formats.date(closedOn)),
                "reopened on " + reopenedOn + " (closed on " + closedOn + ")");
    }

    /** A person moved into or out of ({@code key}) a shelter on a day; in the person's history. */
    static AuditMessage moved(String key, String shelterName, long shelterId, LocalDate day) {
        return new AuditMessage(key, List.of(AuditMessage.text(shelterName), Formats.date(day)),
                shelterName + " (shelter " + shelterId + ") on " + day);
    }
}
