package org.protectioncases.partners;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerRepository extends JpaRepository<Partner, Long> {

    @Query("select p from Partner p where upper(p.code) = upper(:code)")
    Optional<Partner> findByCodeIgnoreCase(String code);

    @Query("""
            select p from Partner p
            where :filter = '' or upper(p.code) like upper(concat('%', :filter, '%'))
               or upper(p.name) like upper(concat('%', :filter, '%'))""")
    Page<Partner> search(String filter, Pageable pageable);

    List<Partner> findByActiveTrueOrderByCode();
}
