package org.protectioncases.dataprotection;

public enum ErasureStatus {
    PENDING, CONFIRMED, REJECTED
}
