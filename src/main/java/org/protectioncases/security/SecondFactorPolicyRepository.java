package org.protectioncases.security;

import org.protectioncases.shared.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface SecondFactorPolicyRepository extends JpaRepository<SecondFactorPolicyEntry, Role> {
}
