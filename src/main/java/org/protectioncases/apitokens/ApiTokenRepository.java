package org.protectioncases.apitokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The api_token table, with the owner's account read from the security module's user_account
 * (read-only, like reports do): the owner's name and current role are shown with every token.
 */
@Repository
class ApiTokenRepository {

    private static final String SELECT = "select t.id, t.owner_id, u.username, u.full_name, u.role, p.code as partner_code,"
            + " t.name, t.token_prefix, t.created_at, t.created_by, t.expires_at, t.revoked_at, t.revoked_by, t.last_used_at"
            + " from api_token t join user_account u on u.id = t.owner_id left join partner p on p.id = u.partner_id ";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long ownerId, String name, String prefix, String hash, Instant expiresAt, String createdBy) {
        return jdbc.sql("insert into api_token (owner_id, name, token_prefix, token_hash, expires_at, created_by)"
                        + " values (:owner, :name, :prefix, :hash, :expires, :by) returning id")
                .param("owner", ownerId).param("name", name).param("prefix", prefix).param("hash", hash)
                .param("expires", Timestamp.from(expiresAt)).param("by", createdBy)
                .query(Long.class).single();
    }

    Optional<ApiTokenDto> find(long id) {
        return jdbc.sql(SELECT + "where t.id = :id").param("id", id).query(ApiTokenRepository::row).optional();
    }

    /** Newest first; a deployment has a handful of tokens, so no paging. */
    List<ApiTokenDto> all() {
        return jdbc.sql(SELECT + "order by t.created_at desc, t.id desc").query(ApiTokenRepository::row).list();
    }

    /** Marks a token revoked unless it already is; false when it was. */
    boolean revoke(long id, String by) {
        return jdbc.sql("update api_token set revoked_at = now(), revoked_by = :by, version = version + 1"
                        + " where id = :id and revoked_at is null")
                .param("id", id).param("by", by).update() == 1;
    }

    /** Enabled users who may read the reports the API serves (managers and coordinators), by name. */
    List<TokenOwner> owners() {
        return jdbc.sql("select u.id, u.username, u.full_name, u.role, p.code from user_account u"
                        + " left join partner p on p.id = u.partner_id"
                        + " where u.enabled and u.role in (:roles) order by u.full_name, u.id")
                .param("roles", Permission.READ_FACTSHEET.roles().stream().map(Role::name).toList())
                .query((rs, i) -> new TokenOwner(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    /** The owner's username of a usable token (not revoked, not expired) with this hash, with the token's id. */
    Optional<UsableToken> usable(String hash) {
        return jdbc.sql("select t.id, u.username from api_token t join user_account u on u.id = t.owner_id"
                        + " where t.token_hash = :hash and t.revoked_at is null and t.expires_at > now()")
                .param("hash", hash)
                .query((rs, i) -> new UsableToken(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** Records use at most once a minute per token, so a busy client does not write on every request. */
    void touch(long id) {
        jdbc.sql("update api_token set last_used_at = now() where id = :id"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", id).update();
    }

    record UsableToken(long id, String username) {
    }

    private static ApiTokenDto row(ResultSet rs, int i) throws SQLException {
        return new ApiTokenDto(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("username"), rs.getString("full_name"),
                Role.valueOf(rs.getString("role")), rs.getString("partner_code"), rs.getString("name"),
                rs.getString("token_prefix"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "expires_at"),
                nullableInstant(rs, "revoked_at"), rs.getString("revoked_by"), nullableInstant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
