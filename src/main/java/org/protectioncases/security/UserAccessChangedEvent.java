package org.protectioncases.security;

/** An account was disabled or its role or partner changed: its open sessions must end. */
record UserAccessChangedEvent(String username) {
}
