package org.protectioncases.shelters;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of collective shelters (not personal data: every staff member may read it) and
 * who lives where (personal data: scoped like people).
 */
@Service
public class ShelterService {

    static final String READERS = "hasAnyRole('UNHCR_MANAGER', 'PARTNER_COORDINATOR', 'PARTNER_LAWYER', 'PROTECTION_MONITOR')";

    private final ShelterRepository shelters;

    ShelterService(ShelterRepository shelters) {
        this.shelters = shelters;
    }

    /** Every shelter, by name, for pick lists. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<ShelterOption> options() {
        return shelters.findAllByOrderByNameAsc().stream().map(Shelter::toOption).toList();
    }
}
