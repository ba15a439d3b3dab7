package org.protectioncases.shelters;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShelterRepository extends JpaRepository<Shelter, Long> {

    List<Shelter> findAllByOrderByNameAsc();
}
