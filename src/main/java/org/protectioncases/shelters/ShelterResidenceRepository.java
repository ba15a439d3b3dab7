package org.protectioncases.shelters;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShelterResidenceRepository extends JpaRepository<ShelterResidence, Long> {
}
