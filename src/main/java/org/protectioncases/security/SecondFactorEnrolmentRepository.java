package org.protectioncases.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecondFactorEnrolmentRepository extends JpaRepository<SecondFactorEnrolment, Long> {
}
