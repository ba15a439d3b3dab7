package org.protectioncases.apitokens;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Issuing, listing and revoking tokens against the real database: who may, what is stored, what is refused. */
@SpringBootTest
class ApiTokenServiceIT {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    SystemAccess system;
    @Autowired
    AuditService audit;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private <T> T asManager(Supplier<T> work) {
        return system.runAsAccount("manager", work);
    }

    private long owner(String username) {
        return asManager(() -> tokens.owners()).stream().filter(o -> o.username().equals(username)).findFirst().orElseThrow().id();
    }

    @Test
    void managerIssuesListsAndRevokesTokens() {
        List<TokenOwner> owners = asManager(() -> tokens.owners());
        assertThat(owners).extracting(TokenOwner::role).containsOnly(Role.UNHCR_MANAGER, Role.PARTNER_COORDINATOR);
        assertThat(owners).extracting(TokenOwner::username).contains("manager", "coordinator.crpk", "coordinator.krct")
                .doesNotContain("admin", "lawyer.crpk", "monitor.krct");

        CreatedApiToken own = asManager(() -> tokens.create(owner("manager"), "  Power BI  ", LocalDate.now().plusDays(90)));
        CreatedApiToken forCoordinator = asManager(() -> tokens.create(owner("coordinator.crpk"), "CRPK dashboard",
                LocalDate.now().plusYears(1)));
        assertThat(own.secret()).matches(TokenSecrets.FORMAT).startsWith("pc_" + own.token().prefix() + "_");
        assertThat(own.secret()).isNotEqualTo(forCoordinator.secret());
        assertThat(own.toString()).doesNotContain(own.secret());
        assertThat(own.token().name()).isEqualTo("Power BI");
        assertThat(own.token().createdBy()).isEqualTo("manager");
        assertThat(forCoordinator.token().ownerUsername()).isEqualTo("coordinator.crpk");
        assertThat(forCoordinator.token().ownerPartnerCode()).isEqualTo("CRPK");
        // Valid through the whole chosen day.
        assertThat(own.token().expiresAt()).isEqualTo(LocalDate.now().plusDays(91).atStartOfDay(ApiTokenService.ZONE).toInstant());
        assertThat(own.token().status(Instant.now())).isEqualTo(ApiTokenStatus.ACTIVE);

        List<ApiTokenDto> listed = asManager(() -> tokens.list());
        assertThat(listed).extracting(ApiTokenDto::id).contains(own.token().id(), forCoordinator.token().id());

        ApiTokenDto revoked = asManager(() -> tokens.revoke(forCoordinator.token().id()));
        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(revoked.revokedBy()).isEqualTo("manager");
        assertThat(revoked.status(Instant.now())).isEqualTo(ApiTokenStatus.REVOKED);
        Instant firstRevocation = revoked.revokedAt();
        assertThat(asManager(() -> tokens.revoke(forCoordinator.token().id())).revokedAt()).isEqualTo(firstRevocation);

        List<AuditEventDto> history = asManager(() -> audit.history("api_token", forCoordinator.token().id()));
        assertThat(history).extracting(AuditEventDto::action).containsExactly("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
        assertThat(history).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("manager");
            assertThat(e.details()).contains("coordinator.crpk").doesNotContain(forCoordinator.secret());
        });
    }

    @Test
    void onlyTheHashOfTheSecretIsStored() {
        CreatedApiToken created = asManager(() -> tokens.create(owner("coordinator.krct"), "Hash check", LocalDate.now().plusDays(10)));
        // The random part after "pc_<prefix>_" (base64url: it may itself contain '_', so not after the last one:
        // a flaky one-character tail was once found inside the hex hash).
        String secretPart = created.secret().substring(("pc_" + created.token().prefix() + "_").length());
        assertThat(secretPart).hasSize(43);
        Map<String, Object> row = jdbc.sql("select * from api_token where id = :id").param("id", created.token().id()).query().singleRow();
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(secretPart));
        // SHA-256 of the token, computed independently by PostgreSQL.
        String expected = jdbc.sql("select encode(sha256(convert_to(:t, 'UTF8')), 'hex')").param("t", created.secret())
                .query(String.class).single();
        assertThat(row.get("token_hash").toString()).isEqualTo(expected);
        assertThat(row.get("token_prefix")).isEqualTo(created.token().prefix());
    }

    @Test
    void invalidInputIsRefusedFieldByField() {
        long manager = owner("manager");
        assertThat(errors(() -> tokens.create(null, " ", null)))
                .containsEntry("owner", "validation.required").containsEntry("name", "validation.required")
                .containsEntry("expiresOn", "validation.required");
        assertThat(errors(() -> tokens.create(manager, "x", LocalDate.now()))).containsEntry("expiresOn", "apitoken.validation.expiryPast");
        assertThat(errors(() -> tokens.create(manager, "x", LocalDate.now().minusDays(3))))
                .containsEntry("expiresOn", "apitoken.validation.expiryPast");
        assertThat(errors(() -> tokens.create(manager, "x", LocalDate.now().plusYears(1).plusDays(1))))
                .containsEntry("expiresOn", "apitoken.validation.expiryMax");
        // Refused by the shared text rules before the service runs (ServiceInputValidation), with the limit for the message.
        assertThat(errors(() -> tokens.create(manager, "y".repeat(ApiTokenService.MAX_NAME + 1), LocalDate.now().plusDays(1))))
                .containsEntry("name", "validation.maxLength");
        long lawyer = jdbc.sql("select id from user_account where username = 'lawyer.crpk'").query(Long.class).single();
        long admin = jdbc.sql("select id from user_account where username = 'admin'").query(Long.class).single();
        assertThat(errors(() -> tokens.create(lawyer, "x", LocalDate.now().plusDays(1)))).containsEntry("owner", "apitoken.validation.owner");
        assertThat(errors(() -> tokens.create(admin, "x", LocalDate.now().plusDays(1)))).containsEntry("owner", "apitoken.validation.owner");
        long before = jdbc.sql("select count(*) from api_token where name in ('x', ' ')").query(Long.class).single();
        assertThat(before).isZero();
    }

    private Map<String, String> errors(Runnable call) {
        try {
            asManager(() -> {
                call.run();
                return null;
            });
        } catch (FieldValidationException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("expected a validation error");
    }

    @Test
    void onlyUnhcrManagersManageTokens() {
        long tokenId = asManager(() -> tokens.create(owner("manager"), "Not theirs", LocalDate.now().plusDays(5))).token().id();
        for (String username : List.of("coordinator.crpk", "lawyer.crpk", "monitor.krct", "admin")) {
            assertThatThrownBy(() -> system.runAsAccount(username, () -> tokens.list())).as(username).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> system.runAsAccount(username, () -> tokens.owners())).as(username).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> system.runAsAccount(username, () -> tokens.create(owner("manager"), "x", LocalDate.now().plusDays(5))))
                    .as(username).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> system.runAsAccount(username, () -> tokens.revoke(tokenId)))
                    .as(username).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(asManager(() -> tokens.list())).filteredOn(t -> t.id() == tokenId).singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isNull());
    }
}
