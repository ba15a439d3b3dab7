package org.protectioncases.attachments;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * One attachment's content, checked against its stored SHA-256. Bounded by the maximum
 * attachment size, so holding it in memory is safe.
 */
public record AttachmentDownload(String fileName, String contentType, long size, byte[] content) {

    public InputStream openStream() {
        return new ByteArrayInputStream(content);
    }
}
