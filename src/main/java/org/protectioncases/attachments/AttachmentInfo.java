package org.protectioncases.attachments;

import java.time.Instant;

/** An attachment's metadata, as lists show it; never its content. */
public record AttachmentInfo(long id, String fileName, String contentType, long size, String uploadedBy, Instant uploadedAt) {
}
