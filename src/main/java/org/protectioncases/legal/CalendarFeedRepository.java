package org.protectioncases.legal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendar feed secrets, one per account, stored as their hash. */
@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from calendar_feed where username = :u)")
                .param("u", username).query(Boolean.class).single();
    }

    /** Stores the account's secret hash, replacing (and so ending) any earlier one. */
    void replace(String username, String tokenHash) {
        jdbc.sql("""
                        insert into calendar_feed (username, token_hash) values (:u, :h)
                        on conflict (username) do update set token_hash = excluded.token_hash, created_at = now(), last_used = null""")
                .param("u", username).param("h", tokenHash).update();
    }

    /** Whether the account had a feed to delete. */
    boolean delete(String username) {
        return jdbc.sql("delete from calendar_feed where username = :u").param("u", username).update() > 0;
    }

    /** The account whose secret has this hash, marked as used now. */
    Optional<String> useOwnerOf(String tokenHash) {
        Optional<String> owner = jdbc.sql("select username from calendar_feed where token_hash = :h")
                .param("h", tokenHash).query(String.class).optional();
        owner.ifPresent(u -> jdbc.sql("update calendar_feed set last_used = now() where username = :u").param("u", u).update());
        return owner;
    }
}
