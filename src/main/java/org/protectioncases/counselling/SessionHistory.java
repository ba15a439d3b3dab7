package org.protectioncases.counselling;

import java.util.Collection;
import java.util.List;
import org.protectioncases.audit.AuditMessage;

/**
 * The history entries about a session's restricted data (issue #13: in the reader's language).
 * They are recorded as restricted: shown only to readers who may see the restricted topics and the
 * confidential note. Their English text, which the audit log file gets, does not name the topics.
 */
final class SessionHistory {

    private SessionHistory() {
    }

    static AuditMessage restrictedTopics(Collection<SessionTopic> topics) {
        return new AuditMessage("history.session.restrictedTopics", List.of(keys(topics)), "restricted topics recorded");
    }

    static AuditMessage restrictedTopics(Collection<SessionTopic> before, Collection<SessionTopic> after) {
        return new AuditMessage("history.session.restrictedTopicsChanged", List.of(keys(before), keys(after)), "restricted topics changed");
    }

    static AuditMessage confidentialNote() {
        return new AuditMessage("history.session.confidentialNote", List.of(), "confidential note changed");
    }

    private static String keys(Collection<SessionTopic> topics) {
        return topics.isEmpty() ? AuditMessage.NONE : AuditMessage.keys(topics.stream().sorted().map(SessionTopic::messageKey).toList());
    }
}
