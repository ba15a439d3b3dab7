package org.protectioncases.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Role;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Erasure on request, two people: the owning partner's coordinator asks with a reason, a UNHCR
 * manager who did not ask confirms, and the person is anonymised at once: out of search and the
 * duplicate check, shown as "Anonymised person", no longer editable, audited.
 */
@SpringBootTest
class ErasureIT extends ActingUsers {

    @Autowired
    ErasureService erasure;
    @Autowired
    RetentionService retention;
    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private PersonDetails register(String given, String family) {
        return as("coordinator.krct", () -> people.register(PersonForm.builder(given, family, Sex.MALE, Community.ASHKALI)
                .fatherName("Father").otherNames("Other Spelling").birthDate(LocalDate.of(1988, 7, 14)).birthPrecision(BirthDatePrecision.EXACT)
                .placeOfBirth("Prishtinë").languages("sq").phone("+383 44 123 456").address("Rruga e Dardanisë 7").municipalityCode("PRI")
                .build(), List.of()));
    }

    @Test
    void coordinatorAsksManagerConfirmsAndThePersonIsGoneFromEveryLookup() {
        PersonDetails person = register("Erasmo", "Fshirja");
        String regNo = person.registrationNo();

        // Only the owning partner's coordinator may ask; another partner's is told the number is unknown.
        assertThatThrownBy(() -> as("lawyer.krct", () -> erasure.request(regNo, "asked"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("coordinator.crpk", () -> erasure.request(regNo, "asked")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("registrationNo"));
        assertThatThrownBy(() -> as("coordinator.krct", () -> erasure.request(regNo, "  ")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        ErasureRequest request = as("coordinator.krct", () -> erasure.request(regNo, "The person asked in writing on 1.12.2026"));
        assertThat(request.status()).isEqualTo(ErasureStatus.PENDING);
        assertThatThrownBy(() -> as("coordinator.krct", () -> erasure.request(regNo, "again")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("registrationNo"));
        assertThat(as("coordinator.crpk", () -> erasure.requests(null, 0, 50))).extracting(ErasureRequest::id).doesNotContain(request.id());

        // A coordinator cannot confirm; nothing happened yet.
        assertThatThrownBy(() -> as("coordinator.krct", () -> erasure.confirm(request.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(as("coordinator.krct", () -> people.get(person.id()))).get()
                .satisfies(p -> assertThat(p.profile().givenName()).isEqualTo("Erasmo"));

        ErasureRequest confirmed = as("manager", () -> erasure.confirm(request.id()));
        assertThat(confirmed.status()).isEqualTo(ErasureStatus.CONFIRMED);
        assertThat(confirmed.decidedBy()).isEqualTo("manager");
        assertThat(confirmed.requestedBy()).isEqualTo("coordinator.krct");
        assertThatThrownBy(() -> as("manager", () -> erasure.confirm(request.id())))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("request"));

        PersonDetails after = as("coordinator.krct", () -> people.get(person.id())).orElseThrow();
        assertThat(after.profile().givenName()).isEqualTo(org.protectioncases.people.PersonAnonymisationService.ANONYMISED_NAME);
        assertThat(after.profile().familyName()).isEmpty();
        assertThat(after.profile().fatherName()).isNull();
        assertThat(after.profile().otherNames()).isNull();
        assertThat(after.profile().phone()).isNull();
        assertThat(after.profile().address()).isNull();
        assertThat(after.profile().placeOfBirth()).isNull();
        assertThat(after.registrationNo()).startsWith("ANON-").isNotEqualTo(regNo);
        // Kept for statistics.
        assertThat(after.profile().sex()).isEqualTo(Sex.MALE);
        assertThat(after.profile().community()).isEqualTo(Community.ASHKALI);
        assertThat(after.profile().municipalityCode()).isEqualTo("PRI");
        assertThat(after.profile().birthDate()).isEqualTo(LocalDate.of(1988, 7, 14));

        // Not found by name or old number, not a duplicate candidate, not editable.
        assertThat(as("coordinator.krct", () -> people.list(new PersonFilter("Erasmo Fshirja", null, null, null, null), PageRequest.of(0, 20))))
                .extracting(s -> s.id()).doesNotContain(person.id());
        assertThat(as("coordinator.krct", () -> people.findVisibleByRegistrationNo(regNo))).isEmpty();
        assertThat(as("coordinator.krct", () -> people.findDuplicates("Erasmo", "Fshirja", 1988, null)).visible())
                .extracting(m -> m.id()).doesNotContain(person.id());
        assertThat(as("coordinator.krct", () -> people.findDuplicates("Anonymised", "person", null, null)).visible())
                .extracting(m -> m.id()).doesNotContain(person.id());
        assertThatThrownBy(() -> as("coordinator.krct", () -> people.update(person.id(), after.version(), after.profile())))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsValue("dataprotection.anonymised.readOnly"));
        // The history keeps who did what, without the values.
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'person' and entity_id = :id and details like '%Erasmo%'")
                .param("id", String.valueOf(person.id())).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'person' and entity_id = :id order by id")
                .param("id", String.valueOf(person.id())).query(String.class).list())
                .contains("PERSON_REGISTERED", "ERASURE_REQUESTED", "PERSON_ANONYMISED", "ERASURE_CONFIRMED");
        // The anonymisation's entry reads in the reader's language (issue #13), naming the request.
        assertThat(jdbc.sql("select message_key || ' ' || array_to_string(message_args, ',') from audit_event"
                        + " where entity_type = 'person' and entity_id = :id and action = 'PERSON_ANONYMISED'")
                .param("id", String.valueOf(person.id())).query(String.class).single()).startsWith("history.person.anonymisedErasure ");
        assertThat(jdbc.sql("select count(*) from person_name where search_name like '%erasmo%'").query(Long.class).single()).isZero();
    }

    @Test
    void theRequesterCannotConfirmAndAHeldPersonIsNotErased() {
        PersonDetails person = register("Dyvet", "Personat");
        // Both steps by the same user (the system principal acting as each role): refused, nothing changed.
        ErasureRequest request = as(Role.PARTNER_COORDINATOR, "KRCT", () -> erasure.request(person.registrationNo(), "asked by letter"));
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> erasure.confirm(request.id())))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsValue("dataprotection.validation.samePerson"));
        assertThatThrownBy(() -> jdbc.sql("update erasure_request set status = 'CONFIRMED', decided_by = requested_by where id = :id")
                .param("id", request.id()).update()).as("the database refuses it too")
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        as("manager", () -> retention.placeHold(person.registrationNo(), "Evidence in proceedings"));
        assertThatThrownBy(() -> as("manager", () -> erasure.confirm(request.id())))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsValue("dataprotection.validation.held"));
        ErasureRequest rejected = as("manager", () -> erasure.reject(request.id()));
        assertThat(rejected.status()).isEqualTo(ErasureStatus.REJECTED);
        assertThat(as("coordinator.krct", () -> people.get(person.id()))).get()
                .satisfies(p -> assertThat(p.profile().givenName()).isEqualTo("Dyvet"));
    }
}
