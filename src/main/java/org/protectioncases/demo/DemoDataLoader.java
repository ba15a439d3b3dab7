package org.protectioncases.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.partners.PartnerType;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo partners and one user per role, created through the same services the UI uses. On by
 * default with the embedded database, off with an external one ({@code app.demo-data.enabled}
 * overrides). Runs once: it does nothing when the CRPK partner exists already.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    /** Shared by all demo accounts and listed in the README. Demo data only. */
    static final String DEMO_PASSWORD = "Kosovo-Demo-2026";
    static final int PEOPLE_PER_PARTNER = 100;
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final PartnerService partners;
    private final UserAccountService accounts;
    private final SystemAccess system;
    private final DemoPeople demoPeople;
    private final DemoSessions demoSessions;
    private final DemoShelters demoShelters;
    private final DemoVisits demoVisits;
    private final DemoFactsheet2019 demoFactsheet;
    private final boolean enabled;
    private final boolean accountsOnly;

    DemoDataLoader(PartnerService partners, UserAccountService accounts, SystemAccess system, DemoPeople demoPeople, DemoSessions demoSessions,
                   DemoShelters demoShelters, DemoVisits demoVisits, DemoFactsheet2019 demoFactsheet,
                   DatabaseMode databaseMode,
                   @Value("${app.demo-data.enabled:#{null}}") @Nullable Boolean enabled,
                   @Value("${app.demo-data.accounts-only:false}") boolean accountsOnly) {
        this.accountsOnly = accountsOnly;
        this.demoVisits = demoVisits;
        this.demoFactsheet = demoFactsheet;
        this.partners = partners;
        this.accounts = accounts;
        this.system = system;
        this.demoPeople = demoPeople;
        this.demoSessions = demoSessions;
        this.demoShelters = demoShelters;
        this.enabled = enabled != null ? enabled : databaseMode.embedded();
    }

    record DemoUser(String username, String fullName, Role role, @Nullable String partnerCode, String language) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "System Administrator", Role.ADMIN, null, "en"),
            new DemoUser("manager", "Drita Berisha", Role.UNHCR_MANAGER, "UNHCR", "en"),
            new DemoUser("coordinator.crpk", "Arben Krasniqi", Role.PARTNER_COORDINATOR, "CRPK", "sq"),
            new DemoUser("lawyer.crpk", "Vjosa Gashi", Role.PARTNER_LAWYER, "CRPK", "sq"),
            new DemoUser("lawyer.at", "Milica Jovanović", Role.PARTNER_LAWYER, "AT", "sr"),
            new DemoUser("coordinator.krct", "Feride Rushiti", Role.PARTNER_COORDINATOR, "KRCT", "en"),
            new DemoUser("lawyer.krct", "Besa Morina", Role.PARTNER_LAWYER, "KRCT", "en"),
            new DemoUser("monitor.krct", "Besnik Hoxha", Role.PROTECTION_MONITOR, "KRCT", "sq"),
            new DemoUser("monitor.at", "Nenad Petrović", Role.PROTECTION_MONITOR, "AT", "sr"));

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        boolean fresh = system.runAsAdmin(() -> {
            if (partners.findByCode("CRPK").isPresent()) {
                return false;
            }
            save("UNHCR", "UNHCR Kosovo", PartnerType.UNHCR);
            save("CRPK", "Civil Rights Program Kosovo", PartnerType.IMPLEMENTING_PARTNER);
            save("AT", "Advancing Together", PartnerType.IMPLEMENTING_PARTNER);
            save("KRCT", "Kosova Rehabilitation Center for Tortured Victims", PartnerType.IMPLEMENTING_PARTNER);
            boolean adminExists = accounts.countActiveAdmins() > 0;
            for (DemoUser u : USERS) {
                if (u.role() == Role.ADMIN && adminExists) {
                    continue;
                }
                Long partnerId = u.partnerCode() == null ? null
                        : partners.findByCode(u.partnerCode()).orElseThrow().id();
                accounts.create(new NewUserAccount(u.username(), u.fullName(), null, u.role(), partnerId, u.language(), DEMO_PASSWORD));
            }
            log.info("Demo data created: partners UNHCR, CRPK, AT, KRCT and {} demo users (password in README)", USERS.size());
            return true;
        });
        if (!fresh || accountsOnly) {
            // accounts-only: the partners and demo logins without sample records (a training set-up, quick tests).
            return;
        }
        long start = System.nanoTime();
        int people = 0;
        for (String partner : List.of("CRPK", "AT", "KRCT")) {
            // Recorded by the partner's demo lawyer, so lists, "my cases" and histories look real.
            people += system.runAsAccount("lawyer." + partner.toLowerCase(Locale.ROOT), () -> {
                int n = demoPeople.register(PEOPLE_PER_PARTNER, partner.hashCode());
                // A known near-duplicate pair for trying the duplicate check (see README).
                if (partner.equals("CRPK")) {
                    demoPeople.registerKnown("Đorđe", "Petrović", LocalDate.of(1979, 4, 12));
                    n++;
                }
                return n;
            });
        }
        log.info("Demo data: {} people registered in {} ms", people, (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        int sessionCount = 0;
        for (String partner : List.of("CRPK", "AT", "KRCT")) {
            sessionCount += system.runAsAccount("lawyer." + partner.toLowerCase(Locale.ROOT),
                    () -> demoSessions.log(partner.hashCode()));
        }
        log.info("Demo data: {} counselling sessions logged in {} ms", sessionCount, (System.nanoTime() - start) / 1_000_000);
        log.info("Demo data: {}", demoShelters.create());
        // After the shelters: visits to collective shelters name one.
        log.info("Demo data: {} monitoring visits recorded", demoVisits.create());
        // Last: it tops up what the demo data above already counts, so the 2019 factsheet comes out exact.
        start = System.nanoTime();
        int historic = demoFactsheet.load();
        log.info("Demo data: {} people behind the 2019 factsheet in {} ms", historic, (System.nanoTime() - start) / 1_000_000);
    }

    private void save(String code, String name, PartnerType type) {
        partners.save(new PartnerDto(null, code, name, type, true, 0));
    }
}
