package org.protectioncases.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.protectioncases.Application;
import org.protectioncases.audit.AuditService;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.people.PersonService;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.db.DatabaseOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Backups that restore: the test database (demo data and whatever other tests wrote) is backed up,
 * restored by the restore command's code into a fresh data directory, and the app is started on
 * it as a user would start it; every table's row count, the 2019 factsheet and one person's full
 * record are the same. Also encrypted backups, wrong passphrases, retention, the advisory lock,
 * refusals and failures.
 */
@SpringBootTest
class BackupRoundTripIT {

    private static final Logger log = LoggerFactory.getLogger(BackupRoundTripIT.class);
    private static final String PASSPHRASE = "Kosovo backups 2026!";

    @Autowired
    BackupService backups;
    @Autowired
    BackupProperties properties;
    @Autowired
    SystemAccess system;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    AuditService audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationContext context;
    @Autowired
    FactsheetService factsheets;
    @Autowired
    PersonService people;
    @Autowired
    PartnerService partners;

    @TempDir
    Path temp;

    static Map<String, Long> counts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select relname from pg_class where relnamespace = current_schema()::regnamespace"
                    + " and relkind in ('r', 'p') and relname not like 'databasechangelog%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** What a person's page shows, read as a coordinator of the registering partner. */
    record PersonRecord(Object details, Object file, Object consents, Object household, Object history) {
    }

    static PersonRecord person(ApplicationContext app, long personId, long partnerId) {
        PersonService service = app.getBean(PersonService.class);
        return app.getBean(SystemAccess.class).runAs(Role.PARTNER_COORDINATOR, partnerId, () -> new PersonRecord(
                service.get(personId).orElseThrow(), app.getBean(org.protectioncases.people.PersonFileService.class).file(personId),
                app.getBean(org.protectioncases.people.ConsentService.class).consents(personId),
                app.getBean(org.protectioncases.people.HouseholdService.class).household(personId), service.history(personId)));
    }

    static Factsheet factsheet(ApplicationContext app) {
        long unhcr = app.getBean(SystemAccess.class).runAsAdmin(() -> app.getBean(PartnerService.class).findByCode("UNHCR").orElseThrow().id());
        return app.getBean(SystemAccess.class).runAs(Role.UNHCR_MANAGER, unhcr,
                () -> app.getBean(FactsheetService.class).factsheet(2019, LocalDate.of(2019, 4, 30)));
    }

    private BackupRunner runner(Path directory, int keep, String passphrase) {
        return new BackupRunner(new BackupProperties(false, null, directory, keep, passphrase), owner, audit, transactions, context.getBeanProvider(Clock.class));
    }

    /**
     * One encrypted backup (the plain one differs only by the cipher, see {@link BackupCipherTest}; the
     * admin card's test writes plain ones), the newest two kept, refused with a wrong or no passphrase,
     * restored into a fresh data directory, and the app started on it as a user would.
     */
    @Test
    void anEncryptedBackupRestoresIntoAFreshDataDirectoryAndTheAppStartsOnItWithTheSameData() throws Exception {
        Path dir = temp.resolve("backups");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("protection-cases-20200101-023000-000.zip"), "old");
        Files.writeString(dir.resolve("protection-cases-20200102-023000-000.zip.enc"), "old");
        // As the owner: the app's login role counts no row of a table with row-level security.
        Map<String, Long> before = counts(owner.dataSource());
        BackupResult backup = runner(dir, 2, PASSPHRASE).run();
        assertThat(backup.outcome()).isEqualTo(BackupOutcome.CREATED);
        assertThat(backup.rows()).isEqualTo(before.values().stream().mapToLong(Long::longValue).sum());
        assertThat(backup.encrypted()).isTrue();
        assertThat(backup.file()).endsWith(".zip.enc");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(backup.file(), "protection-cases-20200102-023000-000.zip.enc");
        }
        Path file = dir.resolve(backup.file());
        assertThat(Files.size(file)).isEqualTo(backup.bytes());
        assertThat(Files.getPosixFilePermissions(file)).hasToString("[OWNER_READ, OWNER_WRITE]");

        Path dataDirectory = temp.resolve("postgres");
        assertThatThrownBy(() -> Restore.run(file, dataDirectory, "protection_cases", "not the passphrase"))
                .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("passphrase is wrong");
        assertThat(dataDirectory).doesNotExist();
        assertThatThrownBy(() -> Restore.run(file, dataDirectory, "protection_cases", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encrypted").hasMessageContaining("APP_BACKUP_PASSPHRASE");

        Restore.Result restored = Restore.run(file, dataDirectory, "protection_cases", PASSPHRASE);
        assertThat(restored.encrypted()).isTrue();
        assertThat(restored.rows()).isEqualTo(backup.rows());
        assertThatThrownBy(() -> Restore.run(file, dataDirectory, "protection_cases", PASSPHRASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not empty");

        Map.Entry<Long, Long> someone = richestPerson();
        Factsheet factsheet = factsheet(context);
        PersonRecord record = person(context, someone.getKey(), someone.getValue());

        long t1 = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                "--test.database.own=true", "--app.embedded-db.data-directory=" + dataDirectory,
                "--app.embedded-db.database=protection_cases", "--app.demo-data.enabled=false", "--server.port=0",
                "--app.backup.scheduled=false", "--app.backup.directory=" + temp.resolve("new-backups"))) {
            long startMs = (System.nanoTime() - t1) / 1_000_000;
            Map<String, Long> after = counts(app.getBean(DatabaseOwner.class).dataSource());
            Map<String, Long> expected = new TreeMap<>(before);
            expected.merge("audit_event", 1L, Long::sum); // the restore itself
            assertThat(after).isEqualTo(expected);
            assertThat(factsheet(app)).isEqualTo(factsheet);
            assertThat(person(app, someone.getKey(), someone.getValue())).isEqualTo(record);
            log.info("Backup round trip: {} tables, {} rows, {} bytes encrypted; backup {} ms, restore {} ms, app start {} ms",
                    before.size(), backup.rows(), backup.bytes(), backup.took().toMillis(), restored.took().toMillis(), startMs);
        }
    }

    /** The person with the most group memberships (returns, documents and needs make the record full). */
    private Map.Entry<Long, Long> richestPerson() throws SQLException {
        try (Connection c = owner.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select p.id, p.registered_by_partner from person p
                      where p.merged_into_id is null
                      order by (select count(*) from person_group g where g.person_id = p.id)
                             + (select count(*) from consent x where x.person_id = p.id) desc, p.id
                      limit 1""")) {
            rs.next();
            return Map.entry(rs.getLong(1), rs.getLong(2));
        }
    }

    @Test
    void aSecondRunWaitsForNoOneWhileTheAdvisoryLockIsHeld() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            assertThat(BackupRunner.tryLock(other)).isTrue(); // as another node's running backup would
            try {
                BackupResult skipped = system.runAsAdmin(backups::backUpNow);
                assertThat(skipped.outcome()).isEqualTo(BackupOutcome.SKIPPED);
                assertThat(skipped.file()).isNull();
            } finally {
                try (Statement s = other.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + BackupRunner.LOCK + ")");
                }
            }
        }
        assertThat(system.runAsAdmin(backups::backUpNow).outcome()).isEqualTo(BackupOutcome.CREATED); // released: runs
    }

    @Test
    void onlyAdministratorsBackUpOrSeeTheStatus() {
        long crpk = system.runAsAdmin(() -> partners.findByCode("CRPK").orElseThrow().id());
        for (Role role : List.of(Role.UNHCR_MANAGER, Role.PARTNER_COORDINATOR)) {
            Supplier<Object> now = backups::backUpNow;
            assertThatThrownBy(() -> system.runAs(role, role == Role.UNHCR_MANAGER ? null : crpk, now))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> system.runAs(role, role == Role.UNHCR_MANAGER ? null : crpk, backups::status))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(system.runAsAdmin(backups::status).scheduled()).isFalse();
    }

    @Test
    void aFailedRunWritesNothingAndIsAuditedAndShown() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("occupied"), "a file where the directory should be");
        BackupResult failed = runner(notADirectory, 7, null).run();
        assertThat(failed.outcome()).isEqualTo(BackupOutcome.FAILED);
        BackupStatus status = system.runAsAdmin(backups::status);
        assertThat(status.lastOutcome()).isEqualTo(BackupOutcome.FAILED);
        assertThat(audit.latest("backup", List.of("BACKUP_FAILED"), 1)).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("FileAlreadyExistsException"));
    }
}
