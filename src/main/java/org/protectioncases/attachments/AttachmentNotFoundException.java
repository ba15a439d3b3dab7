package org.protectioncases.attachments;

/** No such attachment (or record), or not one the user may see: deliberately indistinguishable. */
public class AttachmentNotFoundException extends RuntimeException {

    public AttachmentNotFoundException(String what, long id) {
        super(what + " " + id + " not found");
    }
}
