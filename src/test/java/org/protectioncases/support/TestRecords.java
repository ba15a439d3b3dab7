package org.protectioncases.support;

import java.time.LocalDate;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.protectioncases.cases.CaseDetails;
import org.protectioncases.cases.CasePriority;
import org.protectioncases.cases.CaseType;
import org.protectioncases.cases.CaseWorkflowService;
import org.protectioncases.cases.NewCase;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.Sex;
import org.protectioncases.security.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The records most tests start from, made through the services as a real account: a person
 * registered, a case opened for a new person. Inject it ({@code @Autowired TestRecords records}).
 * It is a bean because the test classes are on the class path of every test context: the
 * application's component scan finds it, so no test needs {@code @Import} (which would start a
 * context of its own).
 */
@Component
public class TestRecords {

    private final SystemAccess system;
    private final PersonService people;
    private final CaseWorkflowService caseWorkflow;

    TestRecords(SystemAccess system, PersonService people, CaseWorkflowService caseWorkflow) {
        this.system = system;
        this.people = people;
        this.caseWorkflow = caseWorkflow;
    }

    /** A registration form with an exact birth date (for a year-only date use {@link PersonForm#of} directly). */
    public static PersonForm person(String given, String family, Sex sex, LocalDate born, Community community,
                                    @Nullable String municipalityCode) {
        return PersonForm.of(given, family, sex, born, BirthDatePrecision.EXACT, community, municipalityCode);
    }

    /** Registers the person as {@code account} (no possible duplicates to set aside). */
    public PersonDetails register(String account, PersonForm person) {
        return system.runAsAccount(account, () -> people.register(person, List.of()));
    }

    /** Opens the case as {@code account}. */
    public CaseDetails open(String account, NewCase newCase) {
        return system.runAsAccount(account, () -> caseWorkflow.open(newCase));
    }

    /** Registers the person and opens a case of this type for them as {@code account}: normal priority, no summary, opened today. */
    public CaseDetails openCase(String account, PersonForm person, CaseType type) {
        return openCase(account, person, id -> new NewCase(id, type, CasePriority.NORMAL, null, null, null, null));
    }

    /** Registers the person and opens, as {@code account}, the case {@code newCase} makes of the person's id. */
    public CaseDetails openCase(String account, PersonForm person, LongFunction<NewCase> newCase) {
        return system.runAsAccount(account, () -> caseWorkflow.open(newCase.apply(people.register(person, List.of()).id())));
    }
}
