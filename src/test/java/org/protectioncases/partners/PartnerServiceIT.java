package org.protectioncases.partners;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.shared.FieldValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
class PartnerServiceIT {

    @Autowired
    PartnerService partners;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    @WithUserDetails("admin")
    void adminCreatesAndEditsAPartnerAndTheChangeIsAudited() {
        String code = uniqueCode();
        PartnerDto created = partners.save(new PartnerDto(null, code.toLowerCase(), "  Test Org  ", PartnerType.OTHER, true, 0));
        assertThat(created.id()).isNotNull();
        assertThat(created.code()).isEqualTo(code);
        assertThat(created.name()).isEqualTo("Test Org");

        PartnerDto renamed = partners.save(new PartnerDto(created.id(), code, "Renamed Org", PartnerType.GOVERNMENT, false, created.version()));
        assertThat(partners.get(created.id())).contains(renamed);
        assertThat(renamed.active()).isFalse();
        assertThat(partners.listActive()).extracting(PartnerDto::code).doesNotContain(code);

        long audited = jdbc.sql("select count(*) from audit_event where entity_type = 'partner' and entity_id = :id and actor = 'admin'")
                .param("id", created.id().toString()).query(Long.class).single();
        assertThat(audited).isEqualTo(2);
    }

    @Test
    @WithUserDetails("admin")
    void duplicateCodeIsRejectedWhateverTheCaseAndNothingIsWritten() {
        long before = jdbc.sql("select count(*) from partner").query(Long.class).single();
        assertThatThrownBy(() -> partners.save(new PartnerDto(null, "crpk", "Another CRPK", PartnerType.OTHER, true, 0)))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("code", "partner.validation.codeTaken"));
        assertThat(jdbc.sql("select count(*) from partner").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("admin")
    void allFieldErrorsAreReportedAtOnce() {
        assertThatThrownBy(() -> partners.save(new PartnerDto(null, "a b!", " ", PartnerType.OTHER, true, 0)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "partner.validation.codeFormat")
                        .containsEntry("name", "validation.required"));
    }

    @Test
    @WithUserDetails("admin")
    void listIsPagedAndFilteredInTheDatabase() {
        var page = partners.list("crp", PageRequest.of(0, 2, Sort.by("code")));
        assertThat(page.getContent()).extracting(PartnerDto::code).contains("CRPK");
        assertThat(page.getContent()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    @WithUserDetails("manager")
    void aUnhcrManagerCannotChangePartners() {
        assertThatThrownBy(() -> partners.save(new PartnerDto(null, uniqueCode(), "X", PartnerType.OTHER, true, 0)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void aPartnerLawyerCannotListPartners() {
        assertThatThrownBy(() -> partners.list("", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallsAreDenied() {
        assertThatThrownBy(() -> partners.listActive()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
