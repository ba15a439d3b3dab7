package org.protectioncases.monitoring;

import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringVisitRepository extends JpaRepository<MonitoringVisit, Long> {
}
