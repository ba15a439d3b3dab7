package org.protectioncases.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.protectioncases.support.TestRecords.person;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.attachments.AttachmentService;
import org.protectioncases.audit.AuditEventDto;
import org.protectioncases.audit.AuditService;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.NewCase;
import org.protectioncases.dataprotection.LegalHold;
import org.protectioncases.dataprotection.RetentionService;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.partners.PartnerType;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Role;
import org.protectioncases.support.TestPdfs;
import org.protectioncases.support.TestRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue #13: the history written by accounts, partners, files and data protection is stored as data
 * (message key and arguments) and read in Albanian and Serbian: no role, partner-type or yes/no code
 * values, no English left. The English text stays the entry's details (log, exports, the backup status).
 */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases.audit.ui")
class AdminHistoryMessagesTest extends SpringBrowserlessTest {

    @Autowired
    SystemAccess system;
    @Autowired
    AuditService audit;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    PersonService people;
    @Autowired
    AttachmentService attachments;
    @Autowired
    RetentionService retention;
    @Autowired
    TestRecords records;

    private List<AuditEventDto> history(String type, long id) {
        return system.runAsAdmin(() -> audit.history(type, id));
    }

    private static String shown(List<AuditEventDto> history, String action) {
        AuditEventDto entry = history.stream().filter(h -> h.action().equals(action)).reduce((a, b) -> b).orElseThrow();
        return AuditGrids.details(UI.getCurrent(), entry);
    }

    @Test
    void accountsPartnersFilesAndLegalHoldsReadInAlbanianAndSerbian() {
        String tail = UUID.randomUUID().toString().substring(0, 6);
        UserAccountDto account = system.runAsAdmin(() -> accounts.create(new NewUserAccount("hist." + tail, "Arta Historia", null,
                Role.PARTNER_LAWYER, partners.directory().stream().filter(p -> p.code().equals("CRPK")).findFirst().orElseThrow().id(),
                "sq", "Fjalekalim-i-gjate-" + tail)));
        system.runAsAdmin(() -> accounts.setEnabled(account.id(), false));
        String code = "H" + tail.toUpperCase();
        PartnerDto partner = system.runAsAdmin(() -> partners.save(new PartnerDto(null, code, "Qendra Historike", PartnerType.OTHER, true, 0)));
        system.runAsAdmin(() -> partners.save(new PartnerDto(partner.id(), code, "Qendra Historike", PartnerType.GOVERNMENT, false,
                partner.version())));
        PersonDetails person = records.register("lawyer.crpk", person("Mimoza", "Arkivi" + tail.replaceAll("\\d", "x"),
                Sex.FEMALE, LocalDate.of(1975, 4, 2), Community.ALBANIAN, "PRI"));
        CaseDetails c = records.open("lawyer.crpk", new NewCase(person.id(), CaseType.CIVIL_DOCUMENTATION, CasePriority.NORMAL,
                "Dosja", null, null, null));
        system.runAsAccount("lawyer.crpk", () -> attachments.attach("CASE", c.id(), "vendimi.pdf", new ByteArrayInputStream(TestPdfs.clean("Vendim"))));
        LegalHold hold = system.runAsAccount("manager", () -> retention.placeHold(person.registrationNo(), "Procedurë gjyqësore 12/2026"));
        system.runAsAccount("manager", () -> {
            retention.releaseHold(hold.id());
            return null;
        });

        List<AuditEventDto> user = history("user_account", account.id());
        List<AuditEventDto> org = history("partner", partner.id());
        List<AuditEventDto> file = history("case", c.id());
        List<AuditEventDto> held = history("person", person.id());

        // Stored as data; the English text is still the details.
        AuditEventDto created = user.stream().filter(h -> h.action().equals("USER_CREATED")).findFirst().orElseThrow();
        assertThat(created.messageKey()).isEqualTo("history.user.created");
        assertThat(created.details()).isEqualTo("hist." + tail + " PARTNER_LAWYER");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sq"));
        // The account by its holder's name where the staff directory knows it, else its username.
        assertThat(shown(user, "USER_CREATED")).matches("Llogaria (hist\\." + tail + "|Arta Historia) u krijua, roli: Avokat i partnerit");
        assertThat(shown(user, "USER_DISABLED")).matches("Llogaria (hist\\." + tail + "|Arta Historia) u çaktivizua, roli: Avokat i partnerit");
        assertThat(shown(org, "PARTNER_CREATED")).isEqualTo("Partneri " + code + " – Qendra Historike u krijua (Organizatë tjetër)");
        assertThat(shown(org, "PARTNER_UPDATED")).isEqualTo("Partneri " + code + " – Qendra Historike u ruajt (Institucion qeveritar), joaktiv");
        assertThat(shown(file, "ATTACHMENT_ADDED")).startsWith("Skedari vendimi.pdf u shtua (application/pdf, ").endsWith(" bajtë)");
        assertThat(shown(held, "LEGAL_HOLD_PLACED")).isEqualTo("U vendos mbajtje ligjore: Procedurë gjyqësore 12/2026");
        assertThat(shown(held, "LEGAL_HOLD_RELEASED")).isEqualTo("Mbajtja ligjore u hoq");

        UI.getCurrent().setLocale(Locale.forLanguageTag("sr"));
        assertThat(shown(user, "USER_CREATED")).matches("Nalog (hist\\." + tail + "|Arta Historia) napravljen, uloga: Advokat partnera");
        assertThat(shown(org, "PARTNER_UPDATED")).isEqualTo("Partner " + code + " – Qendra Historike sačuvan (Državna institucija), neaktivan");
        assertThat(shown(file, "ATTACHMENT_ADDED")).startsWith("Datoteka vendimi.pdf dodata (application/pdf, ").endsWith(" bajtova)");
        assertThat(shown(held, "LEGAL_HOLD_RELEASED")).isEqualTo("Pravno zadržavanje ukinuto");
        for (String action : List.of("USER_CREATED", "USER_DISABLED")) {
            assertThat(shown(user, action)).doesNotContain("PARTNER_LAWYER");
        }
        assertThat(shown(org, "PARTNER_CREATED")).doesNotContain("OTHER");
    }
}
