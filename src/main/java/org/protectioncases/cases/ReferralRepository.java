package org.protectioncases.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByCaseIdOrderByReferredOnDescIdDesc(long caseId);

    List<Referral> findByVisitIdOrderByReferredOnDescIdDesc(long visitId);

    List<Referral> findByVisitIdAndReferringPartnerOrderByReferredOnDescIdDesc(long visitId, long referringPartner);
}
