package org.protectioncases.shelters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonNotFoundException;
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
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The shelters issue at service level, on a real PostgreSQL (demo data present, so counts are compared before and after). */
@SpringBootTest
class ShelterServiceIT extends ActingUsers {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    ShelterService shelters;
    @Autowired
    PersonService people;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    /** The app's own: inside the app's transactions it runs under the user's row-level scope. */
    @Autowired
    JdbcClient appJdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ShelterForm form(String name, String municipality, Integer capacity, LocalDate openedOn) {
        return new ShelterForm(name, municipality, "Rruga e Dëshmorëve 12", capacity, openedOn,
                "Municipal Office for Communities and Returns");
    }

    private ShelterDetails shelter(String name) {
        return as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.create(form(unique(name), "SHT", 40, TODAY.minusYears(3))));
    }

    private PersonDetails person(String partnerCode) {
        return as(Role.PARTNER_LAWYER, partnerCode, () -> people.register(PersonForm.of("Shelter", "Resident", Sex.MALE,
                LocalDate.of(1970, 5, 5), BirthDatePrecision.EXACT, Community.ROMA, "SHT"), List.of()));
    }

    private long auditCount(String action, String type, long id) {
        return jdbc.sql("select count(*) from audit_event where action = :a and entity_type = :t and entity_id = :id")
                .param("a", action).param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void registryIsValidatedInTheServiceAndEditsAreVersioned() {
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "KRCT", () -> shelters.create(
                new ShelterForm(" ", null, null, -1, TODAY.plusDays(1), null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("name", "validation.required")
                        .containsEntry("municipality", "validation.required")
                        .containsEntry("capacity", "shelter.validation.capacity")
                        .containsEntry("openedOn", "validation.notInFuture"));
        assertThatThrownBy(() -> as(Role.PROTECTION_MONITOR, "KRCT", () -> shelters.create(form("X", "XXX", null, null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("municipality", "validation.choice").containsEntry("capacity", "validation.required"));

        String name = unique("Collective Centre Shtime");
        ShelterDetails created = as(Role.PROTECTION_MONITOR, "KRCT", () -> shelters.create(form(name, "SHT", 35, TODAY.minusYears(1))));
        assertThat(created.summary().status()).isEqualTo(ShelterStatus.OPEN);
        assertThat(created.summary().occupancy()).isZero();
        assertThat(created.summary().capacity()).isEqualTo(35);
        // Same name in the same municipality, whatever the case.
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.create(form(name.toUpperCase(), "SHT", 10, null))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("name", "shelter.validation.nameTaken"));

        ShelterDetails updated = as(Role.PARTNER_COORDINATOR, "CRPK", () -> shelters.update(created.id(), created.version(),
                form(name, "SHT", 50, TODAY.minusYears(1))));
        assertThat(updated.summary().capacity()).isEqualTo(50);
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.update(created.id(), created.version(),
                form(name, "SHT", 60, null)))).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.get(created.id())).orElseThrow().summary().capacity()).isEqualTo(50);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.history(created.id())))
                .anyMatch(h -> h.action().equals("SHELTER_UPDATED") && h.details() != null && h.details().contains("capacity: 35 → 50"));
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'shelter' and entity_id = :id and granted")
                .param("id", created.id()).query(Long.class).single()).isPositive();

        // The list is filtered and carries occupancy and capacity.
        List<ShelterSummary> inShtime = as(Role.PARTNER_LAWYER, "AT", () -> shelters.list(
                new ShelterFilter("SHT", ShelterStatus.OPEN), PageRequest.of(0, 500)));
        assertThat(inShtime).anyMatch(s -> s.id() == created.id() && s.capacity() == 50).allMatch(s -> s.municipalityCode().equals("SHT"));
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.count(new ShelterFilter("SHT", ShelterStatus.OPEN)))).isEqualTo(inShtime.size());
    }

    @Test
    void occupancyFollowsMoveInAndMoveOutDates() {
        ShelterDetails s = shelter("Plemetin collective centre");
        PersonDetails p = person("CRPK");
        ShelterOccupancy before = as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.occupancyAsOf(TODAY));

        Resident stay = as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), p.id(), TODAY.minusDays(10)));
        assertThat(stay.movedOut()).isNull();
        assertThat(stay.personLabel()).startsWith(p.registrationNo());
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.occupancyAsOf(s.id(), TODAY.minusDays(11)))).isZero();
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.occupancyAsOf(s.id(), TODAY.minusDays(10)))).isEqualTo(1);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.get(s.id())).orElseThrow().summary().occupancy()).isEqualTo(1);
        ShelterOccupancy during = as(Role.PROTECTION_MONITOR, "AT", () -> shelters.occupancyAsOf(TODAY));
        assertThat(during.persons()).isEqualTo(before.persons() + 1);
        assertThat(during.shelters()).isEqualTo(before.shelters() + 1);
        assertThat(auditCount("SHELTER_MOVED_IN", "person", p.id())).isEqualTo(1);

        // Done when: a shelter's occupancy changes when a resident moves out.
        Resident out = as(Role.PROTECTION_MONITOR, "CRPK", () -> shelters.moveOut(stay.residenceId(), TODAY.minusDays(3), stay.version()));
        assertThat(out.movedOut()).isEqualTo(TODAY.minusDays(3));
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.get(s.id())).orElseThrow().summary().occupancy()).isZero();
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.occupancyAsOf(s.id(), TODAY.minusDays(4)))).isEqualTo(1);
        assertThat(as(Role.PARTNER_LAWYER, "AT", () -> shelters.occupancyAsOf(s.id(), TODAY.minusDays(3)))).isZero();
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.occupancyAsOf(TODAY))).isEqualTo(before);
        assertThat(as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.occupancyAsOf(TODAY.minusDays(5))).persons()).isPositive();
        assertThat(auditCount("SHELTER_MOVED_OUT", "person", p.id())).isEqualTo(1);

        // Current residents and the history.
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> shelters.residents(s.id(), TODAY)).shown()).isEmpty();
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> shelters.residents(s.id(), TODAY.minusDays(5))).shown())
                .extracting(Resident::personId).containsExactly(p.id());
        assertThat(as(Role.PARTNER_COORDINATOR, "CRPK", () -> shelters.residenceHistory(s.id())).shown())
                .singleElement().satisfies(r -> assertThat(r.movedOut()).isEqualTo(TODAY.minusDays(3)));
        // A stale move-out (the stay changed since it was read) is refused.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveOut(stay.residenceId(), TODAY, stay.version())))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveOut(stay.residenceId(), TODAY, out.version())))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("movedOut", "shelter.validation.alreadyMovedOut"));
    }

    @Test
    void aPersonCannotLiveInTwoSheltersAtOnce() {
        ShelterDetails first = shelter("Collective Centre Gračanica");
        ShelterDetails second = shelter("Collective Centre Lipjan");
        PersonDetails p = person("AT");
        Resident stay = as(Role.PROTECTION_MONITOR, "AT", () -> shelters.moveIn(first.id(), p.id(), TODAY.minusDays(30)));

        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> shelters.moveIn(second.id(), p.id(), TODAY)))
                .isInstanceOfSatisfying(ResidenceConflictException.class, e -> {
                    assertThat(e.fieldErrors()).containsEntry("person", "shelter.validation.livesElsewhere");
                    assertThat(e.shelterName()).isEqualTo(first.summary().name());
                    assertThat(e.since()).isEqualTo(TODAY.minusDays(30));
                });
        // Nor twice in the same one.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> shelters.moveIn(first.id(), p.id(), TODAY)))
                .isInstanceOf(ResidenceConflictException.class);

        as(Role.PARTNER_LAWYER, "AT", () -> shelters.moveOut(stay.residenceId(), TODAY.minusDays(5), stay.version()));
        // Back-dated into the time they still lived in the first shelter: refused.
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "AT", () -> shelters.moveIn(second.id(), p.id(), TODAY.minusDays(6))))
                .isInstanceOf(ResidenceConflictException.class);
        // The day they moved out they may move in elsewhere.
        Resident moved = as(Role.PARTNER_LAWYER, "AT", () -> shelters.moveIn(second.id(), p.id(), TODAY.minusDays(5)));
        assertThat(moved.shelterId()).isEqualTo(second.id());
    }

    @Test
    void theDatabaseConstraintCatchesTwoUsersMovingThePersonInAtOnce() throws Exception {
        ShelterDetails first = shelter("Collective Centre Obiliq");
        ShelterDetails second = shelter("Collective Centre Fushë Kosovë");
        PersonDetails p = person("KRCT");
        CountDownLatch inserted = new CountDownLatch(1);
        AtomicBoolean sawUsWaiting = new AtomicBoolean();
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Another user's stay, inserted but not committed until our insert waits on the exclusion constraint.
        // (A KRCT user: row-level security gives a transaction without a user no rows to write.)
        Thread otherUser = new Thread(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> other.execute(tx -> {
            appJdbc.sql("insert into shelter_residence (shelter_id, person_id, moved_in, recorded_by) values (:s, :p, :d, 'other.user')")
                    .param("s", first.id()).param("p", p.id()).param("d", TODAY.minusDays(1)).update();
            inserted.countDown();
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                if (appJdbc.sql("select count(*) from pg_locks where not granted and locktype = 'transactionid'").query(Long.class).single() > 0) {
                    sawUsWaiting.set(true);
                    return null;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return null;
        })));
        otherUser.start();
        assertThat(inserted.await(20, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> shelters.moveIn(second.id(), p.id(), TODAY)))
                .isInstanceOfSatisfying(ResidenceConflictException.class, e -> assertThat(e.shelterName()).isEqualTo(first.summary().name()));
        otherUser.join(30_000);
        assertThat(sawUsWaiting).as("our insert waited for the other transaction, so the constraint decided").isTrue();
        // Nothing half-saved: no stay in the second shelter, no audit entry claiming the move.
        assertThat(jdbc.sql("select count(*) from shelter_residence where shelter_id = :s").param("s", second.id()).query(Long.class).single()).isZero();
        assertThat(auditCount("SHELTER_MOVED_IN", "person", p.id())).isZero();
    }

    @Test
    void datesOfThingsThatHappenedAreNotInTheFutureAndMoveOutIsNotBeforeMoveIn() {
        ShelterDetails s = shelter("Collective Centre Shtërpcë");
        PersonDetails p = person("CRPK");
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), p.id(), TODAY.plusDays(1))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("movedIn", "validation.notInFuture"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), p.id(), TODAY.minusYears(4))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("movedIn", "shelter.validation.beforeOpening"));
        Resident stay = as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), p.id(), null));
        assertThat(stay.movedIn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveOut(stay.residenceId(), TODAY.plusDays(1), stay.version())))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("movedOut", "validation.notInFuture"));
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveOut(stay.residenceId(), TODAY.minusDays(1), stay.version())))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("movedOut", "shelter.validation.moveOutBeforeMoveIn"));

        // Closing: not in the future, and only once everybody has left.
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.close(s.id(), s.version(), TODAY.plusDays(1))))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("closedOn", "validation.notInFuture"));
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.close(s.id(), s.version(), TODAY)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("closedOn", "shelter.validation.residentsRemain"));
        as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveOut(stay.residenceId(), TODAY, stay.version()));
        ShelterDetails closed = as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.close(s.id(), s.version(), TODAY));
        assertThat(closed.summary().status()).isEqualTo(ShelterStatus.CLOSED);
        assertThat(closed.summary().closedOn()).isEqualTo(TODAY);
        PersonDetails other = person("CRPK");
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), other.id(), TODAY)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.fieldErrors()).containsEntry("person", "shelter.validation.closed"));
        ShelterDetails reopened = as(Role.PROTECTION_MONITOR, "AT", () -> shelters.reopen(s.id(), closed.version(), TODAY));
        assertThat(reopened.summary().status()).isEqualTo(ShelterStatus.OPEN);
        assertThat(reopened.summary().closedOn()).isNull();
        assertThat(auditCount("SHELTER_CLOSED", "shelter", s.id())).isEqualTo(1);
        assertThat(auditCount("SHELTER_REOPENED", "shelter", s.id())).isEqualTo(1);
    }

    @Test
    void anotherPartnerSeesOnlyHowManyOfItsResidentsThereAre() {
        ShelterDetails s = shelter("Collective Centre Leposavić");
        PersonDetails crpkPerson = person("CRPK");
        PersonDetails krctPerson = person("KRCT");
        Resident stay = as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), crpkPerson.id(), TODAY.minusDays(2)));
        as(Role.PROTECTION_MONITOR, "KRCT", () -> shelters.moveIn(s.id(), krctPerson.id(), TODAY.minusDays(1)));

        Residents seenByKrct = as(Role.PARTNER_COORDINATOR, "KRCT", () -> shelters.residents(s.id(), TODAY));
        assertThat(seenByKrct.shown()).extracting(Resident::personId).containsExactly(krctPerson.id());
        assertThat(seenByKrct.others()).isEqualTo(1);
        assertThat(seenByKrct.total()).isEqualTo(2);
        assertThat(as(Role.PARTNER_COORDINATOR, "KRCT", () -> shelters.residenceHistory(s.id())).shown())
                .noneMatch(r -> r.personId() == crpkPerson.id());
        Residents seenByManager = as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.residents(s.id(), TODAY));
        assertThat(seenByManager.shown()).extracting(Resident::personId).containsExactlyInAnyOrder(crpkPerson.id(), krctPerson.id());
        assertThat(seenByManager.others()).isZero();

        // The other partner can neither move the person in nor out; the attempt is logged.
        assertThatThrownBy(() -> as(Role.PARTNER_COORDINATOR, "KRCT", () -> shelters.moveOut(stay.residenceId(), TODAY, stay.version())))
                .isInstanceOf(PersonNotFoundException.class);
        ShelterDetails elsewhere = shelter("Collective Centre Zvečan");
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "KRCT", () -> shelters.moveIn(elsewhere.id(), crpkPerson.id(), TODAY)))
                .isInstanceOf(PersonNotFoundException.class);
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = 'person' and entity_id = :id and not granted")
                .param("id", crpkPerson.id()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // UNHCR managers read but do not move people.
        assertThatThrownBy(() -> as(Role.UNHCR_MANAGER, "UNHCR", () -> shelters.moveOut(stay.residenceId(), TODAY, stay.version())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void lawyersReadTheRegistryButDoNotEditIt() {
        ShelterDetails s = shelter("Collective Centre Ferizaj");
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.get(s.id())).orElseThrow().registryEditable()).isFalse();
        assertThat(as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.options())).anyMatch(o -> o.id() == s.id());
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.create(form(unique("Lawyer's shelter"), "FER", 10, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.update(s.id(), s.version(), form("Renamed", "FER", 10, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.close(s.id(), s.version(), TODAY)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.reopen(s.id(), s.version(), TODAY)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void adminIsRefusedEverything() {
        ShelterDetails s = shelter("Collective Centre Prizren");
        PersonDetails p = person("CRPK");
        Resident stay = as(Role.PARTNER_LAWYER, "CRPK", () -> shelters.moveIn(s.id(), p.id(), TODAY));
        List<Runnable> calls = List.of(
                () -> shelters.options(),
                () -> shelters.list(ShelterFilter.none(), PageRequest.of(0, 10)),
                () -> shelters.count(ShelterFilter.none()),
                () -> shelters.get(s.id()),
                () -> shelters.create(form(unique("Admin's shelter"), "PRZ", 10, null)),
                () -> shelters.update(s.id(), s.version(), form("Admin", "PRZ", 10, null)),
                () -> shelters.close(s.id(), s.version(), TODAY),
                () -> shelters.reopen(s.id(), s.version(), TODAY),
                () -> shelters.history(s.id()),
                () -> shelters.residents(s.id(), TODAY),
                () -> shelters.residenceHistory(s.id()),
                () -> shelters.moveIn(s.id(), p.id(), TODAY),
                () -> shelters.moveOut(stay.residenceId(), TODAY, stay.version()),
                () -> shelters.occupancyAsOf(TODAY),
                () -> shelters.occupancyAsOf(s.id(), TODAY));
        for (Runnable call : calls) {
            assertThatThrownBy(() -> system.runAsAdmin(() -> {
                call.run();
                return null;
            })).isInstanceOf(AccessDeniedException.class);
        }
        // ShelterService's public methods: every one is in the list above.
        long publicMethods = java.util.Arrays.stream(ShelterService.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())).count();
        assertThat(calls).hasSize((int) publicMethods);
    }

    @Test
    void demoDataHasTheShelterRegistryWithPeopleLivingThere() {
        List<ShelterOption> all = as(Role.PARTNER_LAWYER, "AT", () -> shelters.options());
        assertThat(all).anyMatch(o -> o.name().equals("Plemetin collective centre") && o.municipalityCode().equals("OBI"));
        assertThat(all.stream().filter(o -> o.name().startsWith("Collective Centre Vushtrri") && o.status() == ShelterStatus.CLOSED)).isNotEmpty();
        ShelterOccupancy today = as(Role.PARTNER_LAWYER, "AT", () -> shelters.occupancyAsOf(TODAY));
        assertThat(today.persons()).isGreaterThanOrEqualTo(20);
        assertThat(today.shelters()).isGreaterThanOrEqualTo(8);
        // Each partner's monitor sees its own residents and counts the others: together they are the occupancy.
        ShelterSummary lived = as(Role.PROTECTION_MONITOR, "AT", () -> shelters.list(ShelterFilter.none(), PageRequest.of(0, 500)))
                .stream().filter(s -> s.occupancy() > 0).findFirst().orElseThrow();
        Residents residents = as(Role.PROTECTION_MONITOR, "AT", () -> shelters.residents(lived.id(), TODAY));
        assertThat(residents.total()).isEqualTo(lived.occupancy());
    }
}
