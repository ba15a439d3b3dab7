package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.protectioncases.apitokens.ui.ApiTokensView;
import org.protectioncases.cases.ui.CaseView;
import org.protectioncases.cases.ui.CasesView;
import org.protectioncases.cases.ui.NewCaseView;
import org.protectioncases.counselling.ui.LogSessionView;
import org.protectioncases.counselling.ui.SessionView;
import org.protectioncases.counselling.ui.SessionsView;
import org.protectioncases.followups.ui.FollowUpsView;
import org.protectioncases.monitoring.ui.VisitFormView;
import org.protectioncases.monitoring.ui.VisitView;
import org.protectioncases.monitoring.ui.VisitsView;
import org.protectioncases.partners.ui.PartnersView;
import org.protectioncases.people.ui.PeopleView;
import org.protectioncases.people.ui.PersonRegistrationView;
import org.protectioncases.people.ui.PersonView;
import org.protectioncases.reports.ui.ActivityView;
import org.protectioncases.reports.ui.FactsheetView;
import org.protectioncases.reports.ui.PopulationView;
import org.protectioncases.security.ui.UsersView;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.dataprotection.ui.DataProtectionView;
import org.protectioncases.shelters.ui.ShelterView;
import org.protectioncases.shelters.ui.SheltersView;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The permission matrix, written out once: who may do what. Changing a role's rights means
 * changing {@link Permission} and this table together, so the change shows in review. Views'
 * {@code @RolesAllowed} lists (which Vaadin reads directly, no meta-annotations) must match the
 * permission each view needs.
 */
class PermissionMatrixTest {

    // Columns: ADMIN, UNHCR_MANAGER, PARTNER_COORDINATOR, PARTNER_LAWYER, PROTECTION_MONITOR.
    private static final String MATRIX = """
            ADMINISTER              x . . . .
            ADMINISTER_SECOND_FACTORS x . . . .
            PASS_SECOND_FACTOR      x x x x x
            MANAGE_OWN_SECOND_FACTOR x x x x x
            RUN_BACKUPS             x . . . .
            MANAGE_API_TOKENS       . x . . .
            READ_ACROSS_PARTNERS    . x . . .
            READ_PEOPLE             . x x x x
            EDIT_PEOPLE             . . x x x
            FIND_DUPLICATES         . x x x x
            SHARE_PERSON            . . x . .
            MERGE_PEOPLE            . x . . .
            IMPORT_RECORDS          . . x . .
            READ_ACCESS_LOG         . x x . .
            READ_CASES              . x x x x
            WORK_ON_CASES           . . x x .
            COORDINATE_CASES        . . x . .
            LIST_CASEWORKERS        . . x . .
            REFER_FROM_VISITS       . . x . x
            EXPORT_CASES            . x x x .
            READ_SESSIONS           . x x x x
            LOG_SESSIONS            . . x x .
            READ_VISITS             . x x x x
            RECORD_VISITS           . . x . x
            WORK_FOLLOW_UPS         . . x x x
            LIST_COLLEAGUES         . . x x x
            USE_ATTACHMENTS         . x x x x
            READ_SHELTERS           . x x x x
            EDIT_SHELTER_REGISTRY   . x x . x
            RECORD_RESIDENCE        . . x x x
            READ_ACTIVITY           . x x x x
            READ_FACTSHEET          . x x . .
            RECORD_REPORTED_FIGURES . x . . .
            CLEAR_CONFLICTS         . . x . .
            GENERATE_DOCUMENTS      . . x x .
            MANAGE_DOCUMENT_TEMPLATES . . x . .
            MANAGE_DEADLINE_RULES   x . . . .
            ANONYMISE_PEOPLE        x x . . .
            MANAGE_RETENTION        . x . . .
            REVIEW_RETENTION        . x x . .
            REQUEST_ERASURE         . . x . .
            EXPORT_SUBJECT_DATA     . . x . .
            CONFIRM_ERASURE         . x . . .
            """;

    /** The permission a user needs to open each view; its @RolesAllowed must list exactly those roles. */
    private static final Map<Class<?>, Permission> VIEWS = Map.ofEntries(
            Map.entry(PartnersView.class, Permission.ADMINISTER),
            Map.entry(UsersView.class, Permission.ADMINISTER),
            Map.entry(ApiTokensView.class, Permission.MANAGE_API_TOKENS),
            Map.entry(PeopleView.class, Permission.READ_PEOPLE),
            Map.entry(PersonView.class, Permission.READ_PEOPLE),
            Map.entry(PersonRegistrationView.class, Permission.EDIT_PEOPLE),
            Map.entry(org.protectioncases.imports.ui.ImportView.class, Permission.IMPORT_RECORDS),
            Map.entry(CasesView.class, Permission.READ_CASES),
            Map.entry(CaseView.class, Permission.READ_CASES),
            Map.entry(NewCaseView.class, Permission.WORK_ON_CASES),
            Map.entry(SessionsView.class, Permission.READ_SESSIONS),
            Map.entry(SessionView.class, Permission.READ_SESSIONS),
            Map.entry(LogSessionView.class, Permission.LOG_SESSIONS),
            Map.entry(VisitsView.class, Permission.READ_VISITS),
            Map.entry(VisitView.class, Permission.READ_VISITS),
            Map.entry(VisitFormView.class, Permission.RECORD_VISITS),
            Map.entry(FollowUpsView.class, Permission.WORK_FOLLOW_UPS),
            Map.entry(SheltersView.class, Permission.READ_SHELTERS),
            Map.entry(ShelterView.class, Permission.READ_SHELTERS),
            Map.entry(ActivityView.class, Permission.READ_ACTIVITY),
            Map.entry(FactsheetView.class, Permission.READ_FACTSHEET),
            Map.entry(PopulationView.class, Permission.READ_FACTSHEET),
            Map.entry(org.protectioncases.legal.ui.AgendaView.class, Permission.WORK_ON_CASES),
            Map.entry(org.protectioncases.legal.ui.DeadlineRulesView.class, Permission.MANAGE_DEADLINE_RULES),
            Map.entry(org.protectioncases.legal.ui.PublicHolidaysView.class, Permission.MANAGE_DEADLINE_RULES),
            Map.entry(org.protectioncases.legal.ui.DocumentTemplatesView.class, Permission.MANAGE_DOCUMENT_TEMPLATES),
            Map.entry(DataProtectionView.class, Permission.REVIEW_RETENTION));

    private static final List<Role> COLUMNS = List.of(Role.ADMIN, Role.UNHCR_MANAGER, Role.PARTNER_COORDINATOR,
            Role.PARTNER_LAWYER, Role.PROTECTION_MONITOR);

    private static Map<Permission, Set<Role>> matrix() {
        Map<Permission, Set<Role>> rows = new LinkedHashMap<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as(line).hasSize(1 + COLUMNS.size());
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (int i = 0; i < COLUMNS.size(); i++) {
                assertThat(cells[i + 1]).as(line).isIn("x", ".");
                if (cells[i + 1].equals("x")) {
                    allowed.add(COLUMNS.get(i));
                }
            }
            rows.put(Permission.valueOf(cells[0]), allowed);
        }
        return rows;
    }

    @Test
    void everyPermissionGrantsExactlyTheRolesOfTheMatrix() {
        Map<Permission, Set<Role>> expected = matrix();
        assertThat(expected.keySet()).as("one row per permission").containsExactlyInAnyOrder(Permission.values());
        assertThat(COLUMNS).containsExactlyInAnyOrder(Role.values());
        for (Permission permission : Permission.values()) {
            for (Role role : Role.values()) {
                assertThat(permission.allows(role)).as(permission + " × " + role)
                        .isEqualTo(expected.get(permission).contains(role));
            }
        }
    }

    @Test
    void methodSecurityAnswersAsTheMatrix() {
        Access access = new Access(mock(CurrentUser.class), mock(SecondFactorPolicy.class));
        Map<Permission, Set<Role>> expected = matrix();
        for (Role role : Role.values()) {
            Authentication user = UsernamePasswordAuthenticationToken.authenticated("someone", null,
                    List.of(new SimpleGrantedAuthority(role.authority())));
            for (Permission permission : Permission.values()) {
                assertThat(access.may(user, permission)).as(permission + " × " + role)
                        .isEqualTo(expected.get(permission).contains(role));
            }
        }
        Authentication noRole = UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of());
        assertThat(Arrays.stream(Permission.values()).filter(p -> access.may(noRole, p))).isEmpty();
    }

    @Test
    void everyRoleRestrictedViewListsTheRolesOfItsPermission() {
        Set<Class<?>> restricted = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.protectioncases").stream()
                .filter(c -> c.isAnnotatedWith(Route.class) && c.isAnnotatedWith(RolesAllowed.class))
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());
        assertThat(VIEWS.keySet()).as("every @RolesAllowed view has its permission here").containsExactlyInAnyOrderElementsOf(restricted);
        VIEWS.forEach((view, permission) -> {
            Set<String> listed = Set.of(view.getAnnotation(RolesAllowed.class).value());
            Set<String> granted = permission.roles().stream().map(Role::name).collect(Collectors.toSet());
            assertThat(listed).as(view.getSimpleName() + " @RolesAllowed vs " + permission).isEqualTo(granted);
        });
    }
}
