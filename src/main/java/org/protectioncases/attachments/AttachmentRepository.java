package org.protectioncases.attachments;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByOwnerKindAndOwnerIdOrderByUploadedAtDescIdDesc(String ownerKind, long ownerId);

    List<Attachment> findByOwnerKindAndOwnerIdIn(String ownerKind, Collection<Long> ownerIds);
}
