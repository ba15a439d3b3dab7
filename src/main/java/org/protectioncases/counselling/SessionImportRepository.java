package org.protectioncases.counselling;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Set-based reads and deletes for {@link SessionImportService} (withdrawing an import). */
@Repository
class SessionImportRepository {

    private final JdbcClient jdbc;

    SessionImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The versions of those of {@code ids} the partner holds, by id. */
    Map<Long, Long> versions(long partnerId, Collection<Long> ids) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("select id, version from counselling_session where owning_partner = :p and id = any(:ids)")
                .param("p", partnerId).param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    versions.put(rs.getLong(1), rs.getLong(2));
                });
        return versions;
    }

    /** Deletes the sessions with their topics and attendees. */
    void delete(Collection<Long> ids) {
        Long[] array = ids.toArray(Long[]::new);
        jdbc.sql("delete from counselling_session_topic where session_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from counselling_session_attendee where session_id = any(:ids)").param("ids", array).update();
        jdbc.sql("delete from counselling_session where id = any(:ids)").param("ids", array).update();
    }
}
