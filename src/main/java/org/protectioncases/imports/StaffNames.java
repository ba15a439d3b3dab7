package org.protectioncases.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.security.UserAccountDto;

/** The partner's lawyers and coordinators by username and by full name, compared folded; an empty cell: the importing user. */
final class StaffNames {

    private final Map<String, String> byUsername = new HashMap<>();
    private final Map<String, @Nullable String> byName = new HashMap<>();
    private final String self;

    StaffNames(List<UserAccountDto> accounts, String self) {
        this.self = self;
        for (UserAccountDto a : accounts) {
            byUsername.put(a.username().toLowerCase(Locale.ROOT), a.username());
            String name = TextFolding.fold(a.fullName());
            // Two colleagues of the same name: neither is meant by it, the username must be used.
            byName.put(name, byName.containsKey(name) ? null : a.username());
        }
    }

    @Nullable String resolve(SourceTable.Row row, ImportCells cells, ImportField field, List<DryRunResult.CellError> errors) {
        String text = cells.text(row, field);
        if (text.isEmpty()) {
            return self;
        }
        String username = byUsername.get(text.toLowerCase(Locale.ROOT));
        if (username != null) {
            return username;
        }
        String folded = TextFolding.fold(text);
        if (byName.containsKey(folded)) {
            String named = byName.get(folded);
            if (named == null) {
                errors.add(cells.error(row.number(), field, "import.value.staffAmbiguous", text));
            }
            return named;
        }
        errors.add(cells.error(row.number(), field, "import.value.staff", text));
        return null;
    }
}
