package org.protectioncases.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitDraftRepository extends JpaRepository<VisitDraft, Long> {

    List<VisitDraft> findByOwnerUsernameOrderByUpdatedAtDesc(String ownerUsername, Pageable page);

    Optional<VisitDraft> findByIdAndOwnerUsername(long id, String ownerUsername);

    @Modifying
    @Query("delete from VisitDraft d where d.updatedAt < :before")
    int deleteUntouchedSince(@Param("before") Instant before);
}
