package org.protectioncases.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.protectioncases.cases.CaseExportService;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseNotFoundException;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseloadService;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.monitoring.VisitNotFoundException;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.PersonService;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.shared.db.ReportWork;
import org.protectioncases.shared.export.ExportFormat;
import org.protectioncases.shelters.ShelterService;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #11, point 10: opening a record must never need a second pooled connection while it
 * holds one. With a pool of 4 and 10 times as many users, a regression deadlocks the pool at once
 * and shows as pool timeouts after 10 s (instead of the default 30 s stall for everyone); without
 * one, users only queue for a connection (well under the timeout, even on a busy 2-core machine).
 */
@SpringBootTest(properties = {
        "spring.datasource.hikari.maximum-pool-size=${pool.it.size:4}",
        "spring.datasource.hikari.minimum-idle=${pool.it.size:4}",
        "spring.datasource.hikari.connection-timeout=10000"})
@Import({ConnectionPoolIT.CountCheckouts.class, ConnectionPoolIT.SlowReport.class})
class ConnectionPoolIT extends ActingUsers {

    // -Dpool.it.users=50 -Dpool.it.size=10 measures the setting (docs/benchmarks.md).
    private static final int USERS = Integer.getInteger("pool.it.users", 40);
    private static final long RUN_MILLIS = 8_000;

    @Autowired
    CaseService cases;
    @Autowired
    CaseloadService caseloads;
    @Autowired
    PersonService people;
    @Autowired
    VisitService visits;
    @Autowired
    org.protectioncases.monitoring.VisitReferralService visitReferrals;
    @Autowired
    CounsellingService sessions;
    @Autowired
    ShelterService shelters;
    @Autowired
    CaseExportService exports;
    @Autowired
    FactsheetService factsheets;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    SlowReport slowReport;

    private List<Long> crpkCases;
    private List<Long> atCases;
    private List<Long> crpkPeople;
    private List<Long> atPeople;
    private List<Long> krctVisits;
    private List<Long> atVisits;
    private List<Long> crpkSessions;
    private List<Long> allShelters;

    @BeforeEach
    void records() {
        crpkCases = ids("select id from protection_case where owning_partner = %s order by id limit 20", "CRPK");
        atCases = ids("select id from protection_case where owning_partner = %s order by id limit 20", "AT");
        crpkPeople = ids("select id from person where registered_by_partner = %s and merged_into_id is null order by id limit 20", "CRPK");
        atPeople = ids("select id from person where registered_by_partner = %s and merged_into_id is null"
                + " and id not in (select person_id from person_access) order by id limit 20", "AT");
        krctVisits = ids("select id from monitoring_visit where owning_partner = %s order by id limit 20", "KRCT");
        atVisits = ids("select id from monitoring_visit where owning_partner = %s order by id limit 20", "AT");
        crpkSessions = ids("select id from counselling_session where owning_partner = %s and counsellor = 'lawyer.crpk' order by id limit 20", "CRPK");
        allShelters = jdbc.sql("select id from shelter order by id limit 10").query(Long.class).list();
        assertThat(List.of(crpkCases, atCases, crpkPeople, atPeople, krctVisits, atVisits, crpkSessions, allShelters))
                .as("demo data has records of every kind").allSatisfy(l -> assertThat(l).isNotEmpty());
    }

    private List<Long> ids(String sql, String partner) {
        return jdbc.sql(sql.formatted("(select id from partner where code = '" + partner + "')")).query(Long.class).list();
    }

    private static long any(List<Long> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** One record opening as a real demo account; true when the user was refused (and must be logged). */
    private boolean openSomething(int user, int round) {
        return switch ((user + round) % 8) {
            case 0 -> as("coordinator.crpk", () -> cases.get(any(crpkCases)).isEmpty());
            case 1 -> as("lawyer.crpk", () -> people.get(any(crpkPeople)).isEmpty());
            case 2 -> as("monitor.krct", () -> visits.get(any(krctVisits)).isEmpty());
            case 3 -> as("lawyer.crpk", () -> sessions.get(any(crpkSessions)).isEmpty());
            case 4 -> as("manager", () -> shelters.get(any(allShelters)).isEmpty());
            // Another partner's records: refused, and the refusal must be in record_access.
            case 5 -> as("coordinator.crpk", () -> cases.get(any(atCases)).isEmpty());
            case 6 -> as("lawyer.crpk", () -> people.get(any(atPeople)).isEmpty());
            default -> as("monitor.krct", () -> visits.get(any(atVisits)).isEmpty());
        };
    }

    @Test
    void tenTimesMoreUsersThanConnectionsOpenRecordsAtOnceWithoutAPoolTimeout() throws Exception {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        Instant start = Instant.now().minusSeconds(1);
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        AtomicInteger maxWaiting = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int user = u;
            running.add(users.submit(() -> {
                go.await();
                for (int round = 0; System.nanoTime() < until; round++) {
                    long t0 = System.nanoTime();
                    try {
                        if (openSomething(user, round)) {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                    latenciesMicros.add((System.nanoTime() - t0) / 1_000);
                }
                return null;
            }));
        }
        go.countDown();
        while (running.stream().anyMatch(f -> !f.isDone())) {
            maxActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
            maxWaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
            Thread.sleep(20);
        }
        users.shutdown();
        assertThat(users.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("ConnectionPoolIT: %d users, pool %d, %d openings in %d ms (%.0f/s), p50 %.1f ms, p95 %.1f ms, max %.1f ms,"
                        + " errors %d, max active %d, max waiting %d%n", USERS, pool.getTotalConnections(), sorted.size(), RUN_MILLIS,
                sorted.size() * 1000.0 / RUN_MILLIS, percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1) / 1000.0,
                errors.size(), maxActive.get(), maxWaiting.get());
        assertThat(errors).as("no opening failed (a pool timeout would be SQLTransientConnectionException)").isEmpty();
        assertThat(refused.get()).isPositive();
        long logged = jdbc.sql("select count(*) from record_access where not granted and accessed_at >= :start"
                        + " and username in ('coordinator.crpk', 'lawyer.crpk', 'monitor.krct')")
                .param("start", Timestamp.from(start)).query(Long.class).single();
        assertThat(logged).as("every refused opening is in the access log").isGreaterThanOrEqualTo(refused.get());
    }

    private static double percentile(List<Long> sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.size());
        return sortedMicros.get(Math.max(0, rank - 1)) / 1000.0;
    }

    @Test
    void noReadPathHoldsTwoConnectionsAtOnce() {
        long exportsBefore = exportsLogged();
        CountCheckouts.reset();
        as("coordinator.crpk", () -> cases.get(any(crpkCases)));
        as("coordinator.crpk", () -> cases.get(any(atCases)));
        as("lawyer.crpk", () -> people.get(any(crpkPeople)));
        as("lawyer.crpk", () -> people.get(any(atPeople)));
        as("monitor.krct", () -> visits.get(any(krctVisits)));
        as("monitor.krct", () -> visits.get(any(atVisits)));
        assertThatThrownBy(() -> as("monitor.krct", () -> visits.history(any(atVisits)))).isInstanceOf(VisitNotFoundException.class);
        as("lawyer.crpk", () -> sessions.get(any(crpkSessions)));
        as("manager", () -> shelters.get(any(allShelters)));
        // A refused change: logged, refused, nothing else.
        long atCase = any(atCases);
        assertThatThrownBy(() -> as("coordinator.crpk", () -> {
            caseloads.markNextActionDone(atCase);
            return null;
        })).isInstanceOf(CaseNotFoundException.class);
        // A whole export, and one whose reader goes away half-way: both logged after the cursor.
        as("coordinator.crpk", () -> exports.export(CaseFilter.all(), ExportFormat.CSV, new ByteArrayOutputStream(), Locale.ENGLISH));
        assertThatThrownBy(() -> as("coordinator.crpk", () -> exports.export(CaseFilter.all(), ExportFormat.CSV, new BrokenAfter(200),
                Locale.ENGLISH))).hasRootCauseInstanceOf(IOException.class);
        // A failed login (lockout counter and audit entry).
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated("no.such.user", "wrong"), new BadCredentialsException("bad")));

        assertThat(CountCheckouts.offenders).as("code paths that asked for a second connection while holding one").isEmpty();
        assertThat(CountCheckouts.maxHeld.get()).isEqualTo(1);
        assertThat(exportsLogged()).as("the finished and the interrupted export are logged").isEqualTo(exportsBefore + 2);
    }

    private long exportsLogged() {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORTED' and actor = 'coordinator.crpk'").query(Long.class).single();
    }

    /**
     * Issue #17's bulkhead: with a pool of 4, reports get one slot (a third of the pool), so six
     * reports started together run one after another while a lawyer keeps opening records at once.
     */
    @Test
    void reportsRunOneAtATimeAndNeverTakeTheConnectionsCaseworkNeeds() throws Exception {
        SlowReport.reset();
        ExecutorService managers = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> reports = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reports.add(managers.submit(() -> {
                go.await();
                return as("manager", slowReport::run);
            }));
        }
        go.countDown();
        List<Long> openingMillis = new ArrayList<>();
        while (SlowReport.finished.get() < 6) {
            long t0 = System.nanoTime();
            as("lawyer.crpk", () -> people.get(any(crpkPeople)));
            openingMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
        for (Future<Integer> report : reports) {
            assertThat(report.get(60, TimeUnit.SECONDS)).isOne();
        }
        managers.shutdown();
        assertThat(SlowReport.maxConcurrent.get()).as("reports running at the same time").isOne();
        assertThat(openingMillis).as("record openings while six reports ran").isNotEmpty()
                .allSatisfy(ms -> assertThat(ms).isLessThan(5_000));
    }

    /**
     * A factsheet already computed is a lookup, not a report: it is answered while another report
     * holds the only slot; one not computed yet waits for the slot (issue #17, session 13).
     */
    @Test
    void aCachedFactsheetIsAnsweredWhileAnotherReportHoldsTheOnlySlot() throws Exception {
        LocalDate asOf = LocalDate.of(2019, 12, 31);
        Factsheet first = as("manager", () -> factsheets.factsheet(2019, asOf));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> slow = others.submit(() -> as("manager", () -> slowReport.holdUntil(held, release)));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Factsheet again = as("manager", () -> factsheets.factsheet(2019, asOf));
            assertThat(again).isEqualTo(first);
            assertThat(slow).as("answered while the slot is still held").isNotDone();

            Future<Factsheet> notComputed = others.submit(() -> as("manager", () -> factsheets.factsheet(2019, asOf.minusDays(1))));
            Thread.sleep(500);
            assertThat(notComputed).as("a factsheet not computed yet waits for the slot").isNotDone();
            release.countDown();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isOne();
            assertThat(notComputed.get(30, TimeUnit.SECONDS).asOf()).isEqualTo(asOf.minusDays(1));
        } finally {
            release.countDown();
            others.shutdown();
        }
    }

    @Test
    void aRefusedReadInsideACallersTransactionIsLoggedAndDoesNotSpoilIt() {
        long atVisit = any(atVisits);
        long before = refusals("monitor.krct", "visit", atVisit);
        String marker = "pool-it-" + System.nanoTime();
        // The caller catches "not found" and goes on: its own work still commits, with the refusal.
        as("monitor.krct", () -> tx.execute(status -> {
            jdbc.sql("insert into audit_event (occurred_at, actor, action, entity_type, details) values (now(), 'test', 'TEST', 'test', :m)")
                    .param("m", marker).update();
            assertThatThrownBy(() -> visitReferrals.referrals(atVisit)).isInstanceOf(VisitNotFoundException.class);
            return null;
        }));
        assertThat(refusals("monitor.krct", "visit", atVisit)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where details = :m").param("m", marker).query(Long.class).single()).isOne();
    }

    @Test
    void aRefusedChangeIsLoggedAndChangesNothing() {
        long atCase = any(atCases);
        long before = refusals("coordinator.crpk", "case", atCase);
        Object nextAction = jdbc.sql("select coalesce(next_action_date::text, '-') from protection_case where id = :id").param("id", atCase).query(String.class).single();
        assertThatThrownBy(() -> as("coordinator.crpk", () -> {
            caseloads.markNextActionDone(atCase);
            return null;
        })).isInstanceOf(CaseNotFoundException.class);
        assertThat(refusals("coordinator.crpk", "case", atCase)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select coalesce(next_action_date::text, '-') from protection_case where id = :id").param("id", atCase).query(String.class).single())
                .isEqualTo(nextAction);
    }

    private long refusals(String username, String type, long id) {
        return jdbc.sql("select count(*) from record_access where username = :u and entity_type = :t and entity_id = :id and not granted")
                .param("u", username).param("t", type).param("id", id).query(Long.class).single();
    }

    /** A download whose reader disconnects after a few bytes. */
    private static final class BrokenAfter extends OutputStream {
        private int left;

        BrokenAfter(int bytes) {
            this.left = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            if (--left < 0) {
                throw new IOException("Broken pipe (test)");
            }
        }
    }

    /** Wraps the pool and notes every thread that asks for a connection while it holds one. */
    /** A report that holds its connection for 300 ms and counts how many run at once. */
    static class SlowReport {

        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger maxConcurrent = new AtomicInteger();
        static final AtomicInteger finished = new AtomicInteger();

        private final JdbcClient jdbc;

        SlowReport(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        static void reset() {
            running.set(0);
            maxConcurrent.set(0);
            finished.set(0);
        }

        /** Holds a report slot (and a connection) until {@code release}; {@code held} says it has them. */
        @ReportWork
        @Transactional(readOnly = true)
        public int holdUntil(CountDownLatch held, CountDownLatch release) {
            int one = jdbc.sql("select 1").query(Integer.class).single();
            held.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return one;
        }

        @ReportWork
        @Transactional(readOnly = true)
        public int run() {
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return jdbc.sql("select 1 from pg_sleep(0.3)").query(Integer.class).single();
            } finally {
                running.decrementAndGet();
                finished.incrementAndGet();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountCheckouts {

        static final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);
        static final AtomicInteger maxHeld = new AtomicInteger();
        static final Set<String> offenders = ConcurrentHashMap.newKeySet();

        static void reset() {
            maxHeld.set(0);
            offenders.clear();
        }

        @Bean
        static BeanPostProcessor countConnectionsPerThread() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof HikariDataSource pool ? new Counting(pool) : bean;
                }
            };
        }

        private static final class Counting extends DelegatingDataSource {

            Counting(DataSource pool) {
                super(pool);
            }

            @Override
            public Connection getConnection() throws SQLException {
                return track(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return track(super.getConnection(username, password));
            }

            private static Connection track(Connection c) {
                int now = ++held.get()[0];
                maxHeld.accumulateAndGet(now, Math::max);
                if (now > 1) {
                    offenders.add(Thread.currentThread().getName() + ": " + stackOf(new Throwable()));
                }
                boolean[] closed = {false};
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("close") && !closed[0]) {
                                closed[0] = true;
                                held.get()[0]--;
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            private static String stackOf(Throwable t) {
                StringBuilder s = new StringBuilder();
                for (StackTraceElement e : t.getStackTrace()) {
                    if (e.getClassName().startsWith("org.protectioncases") && !e.getClassName().contains("ConnectionPoolIT")) {
                        s.append(e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1)).append('.').append(e.getMethodName()).append(' ');
                    }
                }
                return s.toString();
            }
        }
    }
}
