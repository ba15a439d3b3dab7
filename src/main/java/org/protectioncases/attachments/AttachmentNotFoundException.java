package org.protectioncases.attachments;

import org.protectioncases.shared.RecordNotFoundException;

/** No such attachment (or record), or not one the user may see: deliberately indistinguishable. */
public class AttachmentNotFoundException extends RecordNotFoundException {

    public AttachmentNotFoundException(String what, long id) {
        super(what + " " + id + " not found");
    }
}
