package org.protectioncases.shared.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells other modules whether the app runs on its own embedded PostgreSQL (decides demo-data defaults). */
@Component
public class DatabaseMode {

    private final boolean embedded;

    DatabaseMode(ObjectProvider<EmbeddedPostgresServer> server) {
        this.embedded = server.getIfAvailable() != null;
    }

    public boolean embedded() {
        return embedded;
    }
}
