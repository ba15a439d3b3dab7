package org.protectioncases.monitoring;

/** A protection concern observed on a visit. Stored by name; shown through {@code protectionConcern.<NAME>}. */
public enum ProtectionConcern {
    DOCUMENTATION, HOUSING_PROPERTY, ACCESS_TO_SERVICES, SAFETY_SECURITY, SGBV_RISK, CHILD_PROTECTION, DISCRIMINATION, OTHER;

    public String messageKey() {
        return "protectionConcern." + name();
    }
}
