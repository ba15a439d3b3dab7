package org.protectioncases.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every {@link CaseOpenItems} source, asked together; used inside the cases services' transactions. */
@Component
class OpenItemSources {

    private final List<CaseOpenItems> sources;

    OpenItemSources(List<CaseOpenItems> sources) {
        this.sources = sources;
    }

    /** The case's open items, each with the source that can cancel it. */
    Map<OpenItem, CaseOpenItems> open(long caseId) {
        Map<OpenItem, CaseOpenItems> open = new LinkedHashMap<>();
        sources.forEach(source -> source.openItems(caseId).forEach(item -> open.put(item, source)));
        return open;
    }

    /** Follow-ups due by {@code date} are done with the case's next action they fed. */
    void followUpsDone(long caseId, LocalDate date, String by) {
        open(caseId).forEach((item, source) -> {
            if (item.followUp() && item.due() != null && !item.due().isAfter(date)) {
                source.cancel(caseId, item, by);
            }
        });
    }
}
