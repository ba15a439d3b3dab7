package org.protectioncases.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface VisitDraftRepository extends JpaRepository<VisitDraft, Long> {

    List<VisitDraft> findByOwnerUsernameOrderByUpdatedAtDesc(String ownerUsername, Pageable page);

    Optional<VisitDraft> findByIdAndOwnerUsername(long id, String ownerUsername);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from VisitDraft d where d.updatedAt < :before")
    int deleteUntouchedSince(@org.springframework.data.repository.query.Param("before") java.time.Instant before);
}
