package org.protectioncases.legal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.i18n.Language;

/**
 * What a document would be filled with, shown before it is generated: every placeholder the
 * template uses with its value, null where the records hold none (the lawyer types it or it prints
 * as a line to fill in by hand: nothing is left silently blank). {@code blockedKey} says why the
 * case takes no documents now (an uncleared conflict of interest, a closed case), else null.
 */
public record DocumentPreview(DocumentKind kind, Language language, @Nullable Integer templateVersion, List<Value> values,
                              @Nullable String blockedKey) {

    public record Value(Placeholder placeholder, @Nullable String value) {
    }

    public List<Placeholder> missing() {
        return values.stream().filter(v -> v.value() == null).map(Value::placeholder).toList();
    }
}
