package org.protectioncases.shelters;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ShelterRepository extends JpaRepository<Shelter, Long> {

    List<Shelter> findAllByOrderByNameAsc();

    /** Another shelter of the same name in the municipality (the unique index ignores case). */
    @Query("select count(s) > 0 from Shelter s where lower(s.name) = lower(:name) and s.municipalityCode = :municipality"
            + " and s.id <> :exceptId")
    boolean nameTaken(String name, String municipality, long exceptId);
}
