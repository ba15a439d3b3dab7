package org.protectioncases.people;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The duplicate check, written once for the registration form (one name) and the bulk import (many):
 * the candidates the user may see and the count of other partners' come from
 * {@link PersonSearchRepository#duplicates}; of those candidates, partner staff are shown the ones
 * their partner registered, and get a bare count of the candidates other partners registered
 * (row-level security hides them; the database counts them).
 */
@Component
class DuplicateSearch {

    private final PersonSearchRepository search;

    DuplicateSearch(PersonSearchRepository search) {
        this.search = search;
    }

    /** One answer per probe, in order; a probe with a blank given or family name has none. */
    List<DuplicateCheck> check(List<PersonSearchRepository.Probe> probes, List<Boolean> blank, @Nullable Long scope) {
        List<PersonSearchRepository.Probe> asked = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (!blank.get(i)) {
                asked.add(probes.get(i));
            }
        }
        List<PersonSearchRepository.Found> answers = asked.isEmpty() ? List.of() : search.duplicates(asked);
        List<DuplicateCheck> result = new ArrayList<>(probes.size());
        int k = 0;
        for (int i = 0; i < probes.size(); i++) {
            if (blank.get(i)) {
                result.add(new DuplicateCheck(List.of(), 0));
                continue;
            }
            List<PersonSearchRepository.Candidate> found = answers.get(k).candidates();
            List<DuplicateCheck.Match> visible = found.stream()
                    .filter(c -> scope == null || c.partnerId() == scope).map(PersonSearchRepository.Candidate::match).toList();
            // Managers see every candidate (nothing elsewhere); partner staff get the database's count.
            result.add(new DuplicateCheck(visible, scope == null ? found.size() - visible.size() : answers.get(k).elsewhere()));
            k++;
        }
        return result;
    }
}
