package org.protectioncases.cases;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<ProtectionCase, Long> {
}
