package org.protectioncases.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupMembershipRepository extends JpaRepository<PersonGroupMembership, Long> {

    List<PersonGroupMembership> findByPersonIdOrderByStartDateDesc(long personId);
}
