package org.protectioncases.counselling;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CounsellingSessionRepository extends JpaRepository<CounsellingSession, Long> {

    List<CounsellingSession> findByCaseIdOrderByHeldAtDescIdDesc(long caseId);
}
