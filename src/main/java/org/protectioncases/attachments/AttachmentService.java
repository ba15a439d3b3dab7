package org.protectioncases.attachments;

import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments of cases, sessions and visits: PDF, JPEG and PNG up to the configured size, the type
 * taken from the content. Who may list, download and attach is decided by the owning module's
 * {@link AttachmentOwnerPolicy}; a record or attachment one may not see is answered as "not found"
 * and the attempt is logged. Every download is logged.
 */
@Service
public class AttachmentService {

    /** Field name of the validation errors, for the form next to the upload. */
    public static final String FILE_FIELD = "file";
    /** attachment.owner_kind is varchar(16). */
    static final int OWNER_KIND_MAX = 16;
    /**
     * The longest file name accepted: what common file systems allow (255). Longer cannot come
     * from a real file; shorter names are cut to fit the column by {@link FileNames#sanitise}.
     */
    public static final int FILE_NAME_MAX = 255;
    static final String ACCESS_TYPE = "attachment";

    private final Map<String, AttachmentOwnerPolicy> policies;
    private final AttachmentRepository attachments;
    private final ContentStore store;
    private final AttachmentProperties properties;
    private final CurrentUser currentUser;
    private final AuditService audit;

    private final Clock clock;

    AttachmentService(List<AttachmentOwnerPolicy> policies, AttachmentRepository attachments, ContentStore store,
                      AttachmentProperties properties, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.clock = clock;
        // Two policies for one kind is a programming error: fail at start-up, not at the first upload.
        this.policies = policies.stream().collect(Collectors.toMap(p -> normalise(p.ownerKind()), Function.identity()));
        this.attachments = attachments;
        this.store = store;
        this.properties = properties;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The largest accepted attachment, in bytes. */
    @Allowed(Permission.USE_ATTACHMENTS)
    public long maxSize() {
        return properties.maxBytes();
    }

    /** Whether the signed-in user may add attachments to (and delete them from) the record. */
    @Allowed(Permission.USE_ATTACHMENTS)
    @Transactional(readOnly = true)
    public boolean canAttach(@Size(max = OWNER_KIND_MAX) @SingleLine String ownerKind, long ownerId) {
        AttachmentOwnerPolicy policy = policy(ownerKind);
        return policy.canRead(ownerId) && policy.canAttach(ownerId);
    }

    /** The record's attachments, newest first; a record the user may not see is "not found" (and logged). */
    @Allowed(Permission.USE_ATTACHMENTS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public List<AttachmentInfo> list(@Size(max = OWNER_KIND_MAX) @SingleLine String ownerKind, long ownerId) {
        String kind = normalise(ownerKind);
        readable(kind, ownerId);
        return attachments.findByOwnerKindAndOwnerIdOrderByUploadedAtDescIdDesc(kind, ownerId).stream()
                .map(Attachment::toInfo).toList();
    }

    /**
     * Attaches a file to a record. Reads at most one byte more than the limit, so an oversized
     * upload is never held in memory; refuses (with a field error on {@link #FILE_FIELD}) empty
     * files, files over the limit, content that is not PDF, JPEG or PNG, whatever its name says, and
     * PDFs with JavaScript, launch actions or embedded files, encrypted or unreadable ones
     * ({@link PdfActiveContent}). Nothing is saved when refused. The stored type comes from the content; the name is cleaned.
     */
    @Allowed(Permission.USE_ATTACHMENTS)
    @Transactional
    public AttachmentInfo attach(@Size(max = OWNER_KIND_MAX) @SingleLine String ownerKind, long ownerId,
                                 @Size(max = FILE_NAME_MAX) @SingleLine String fileName, InputStream content) {
        String kind = normalise(ownerKind);
        AttachmentOwnerPolicy policy = readable(kind, ownerId);
        if (!policy.canAttach(ownerId)) {
            throw new AccessDeniedException("Attachments of " + kind + " " + ownerId + " may not be changed by this user");
        }
        byte[] bytes;
        try {
            bytes = content.readNBytes(Math.toIntExact(properties.maxBytes() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
        @Nullable FileType type = FileType.detect(bytes);
        new FieldErrors()
                .rejectIf(bytes.length == 0, FILE_FIELD, "attachment.validation.empty")
                .rejectIf(bytes.length > properties.maxBytes(), FILE_FIELD, "attachment.validation.tooLarge")
                .rejectIf(type == null, FILE_FIELD, "attachment.validation.type")
                .throwIfAny();
        if (type == FileType.PDF) {
            // What a PDF reader would run or hand on by itself is not passed on to every later reader.
            PdfActiveContent.Finding finding = PdfActiveContent.check(bytes);
            if (finding != null) {
                new FieldErrors().rejectIf(true, FILE_FIELD, finding.messageKey()).throwIfAny();
            }
        }
        String name = Objects.requireNonNull(type).withExtension(FileNames.sanitise(fileName));
        Attachment saved = attachments.saveAndFlush(new Attachment(kind, ownerId, name, type.mediaType(), bytes.length,
                sha256(bytes), properties.storage(), currentUser.require().getUsername(), clock.instant()));
        store.write(saved, bytes);
        audit.recordMessage("ATTACHMENT_ADDED", entityType(kind), ownerId, new AuditMessage("history.attachment.added",
                List.of(AuditMessage.text(name), AuditMessage.text(type.mediaType()), String.valueOf(bytes.length)),
                name + " (" + type.mediaType() + ", " + bytes.length + " bytes)"));
        return saved.toInfo();
    }

    /**
     * An attachment's content, for a user who may see its record. Every download is logged; a
     * refused one too, and it is answered as "not found".
     */
    @Allowed(Permission.USE_ATTACHMENTS)
    @Transactional // not read-only: writes record_access (AuditService.recordAccess)
    public AttachmentDownload download(long attachmentId) {
        AppUser user = currentUser.require();
        Attachment a = attachments.findById(attachmentId).orElse(null);
        if (a == null || !policy(a.getOwnerKind()).canRead(a.getOwnerId())) {
            audit.recordAccess(ACCESS_TYPE, attachmentId, user.partnerId(), false);
            throw new AttachmentNotFoundException("Attachment", attachmentId);
        }
        byte[] content = store.read(a);
        if (!sha256(content).equals(a.getSha256())) {
            // Never hand out a file that is not what was uploaded (a changed or broken file on disk).
            throw new IllegalStateException("Content of attachment " + attachmentId + " does not match its SHA-256");
        }
        audit.recordAccess(ACCESS_TYPE, attachmentId, user.partnerId(), true);
        return new AttachmentDownload(a.getFileName(), a.getContentType(), a.getSize(), content);
    }

    /** Deletes an attachment, for those who may attach to its record; the record's history says so. */
    @Allowed(Permission.USE_ATTACHMENTS)
    @Transactional
    public void delete(long attachmentId) {
        AppUser user = currentUser.require();
        Attachment a = attachments.findById(attachmentId).orElse(null);
        if (a == null || !policy(a.getOwnerKind()).canRead(a.getOwnerId())) {
            audit.recordAccess(ACCESS_TYPE, attachmentId, user.partnerId(), false);
            throw new AttachmentNotFoundException("Attachment", attachmentId);
        }
        if (!policy(a.getOwnerKind()).canAttach(a.getOwnerId())) {
            throw new AccessDeniedException("Attachment " + attachmentId + " may not be deleted by this user");
        }
        store.delete(a);
        attachments.delete(a);
        attachments.flush();
        audit.recordMessage("ATTACHMENT_DELETED", entityType(a.getOwnerKind()), a.getOwnerId(), new AuditMessage("history.attachment.deleted",
                List.of(AuditMessage.text(a.getFileName())), a.getFileName()));
    }

    /**
     * Which of these records have attachments (a bulk import's undo keeps a record someone attached a
     * file to). Row-level security leaves out what the user may not see.
     */
    @Allowed(Permission.USE_ATTACHMENTS)
    @Transactional(readOnly = true)
    public Set<Long> ownersWithAttachments(@Size(max = OWNER_KIND_MAX) @SingleLine String ownerKind,
                                                     @Size(max = 200_000) Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Set.of();
        }
        return attachments.findByOwnerKindAndOwnerIdIn(normalise(ownerKind), ownerIds).stream().map(Attachment::getOwnerId)
                .collect(Collectors.toSet());
    }

    /**
     * Anonymisation and retention: deletes every attachment of these records, file bytes included
     * (a file on disk goes after commit), in the caller's transaction. The records' audit entries
     * say how many went, without file names. Returns the number deleted.
     */
    @Allowed(Permission.ANONYMISE_PEOPLE)
    @Transactional(propagation = Propagation.MANDATORY)
    public int purge(@Size(max = OWNER_KIND_MAX) @SingleLine String ownerKind, @Size(max = 100_000) Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return 0;
        }
        List<Attachment> found = attachments.findByOwnerKindAndOwnerIdIn(normalise(ownerKind), ownerIds);
        for (Attachment a : found) {
            store.delete(a);
        }
        attachments.deleteAllInBatch(found);
        if (!found.isEmpty()) {
            audit.recordEach("ATTACHMENTS_PURGED", entityType(ownerKind),
                    found.stream().map(Attachment::getOwnerId).distinct().toList(),
                    new AuditMessage("history.attachments.purged", List.of(), "data protection"));
        }
        return found.size();
    }

    private AttachmentOwnerPolicy readable(String kind, long ownerId) {
        AttachmentOwnerPolicy policy = policy(kind);
        if (!policy.canRead(ownerId)) {
            audit.recordAccess(entityType(kind), ownerId, currentUser.require().partnerId(), false);
            throw new AttachmentNotFoundException(kind, ownerId);
        }
        return policy;
    }

    private AttachmentOwnerPolicy policy(String ownerKind) {
        AttachmentOwnerPolicy policy = policies.get(normalise(ownerKind));
        if (policy == null) {
            throw new AccessDeniedException("No attachments for records of kind " + ownerKind);
        }
        return policy;
    }

    private static String normalise(String kind) {
        return kind.strip().toUpperCase(Locale.ROOT);
    }

    /** The owner's entity type in the audit trail and access log ({@code CASE} → {@code case}). */
    private static String entityType(String kind) {
        return kind.toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
