package org.protectioncases.people;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.SingleLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration and the duplicate check for many people at once (the bulk import, issue #15): the
 * rules of {@link PersonService#register}, {@link PersonService#findDuplicates} and
 * {@link PersonFileService#addGroup}, each row still checked in Java, but the database asked a few
 * statements per chunk of rows instead of a few per row. Callers pass chunks of at most
 * {@value #MAX_CHUNK} rows (the duplicate check among a file's own rows takes the whole file).
 */
@Service
public class PersonBulkService {

    public static final int MAX_CHUNK = 5_000;
    /** The most rows {@link #findDuplicatesAmong} compares (the import's largest file). */
    public static final int MAX_SET = 200_000;

    /** A person to register, with the matches the user declared to be someone else and an optional group membership. */
    public record Registration(@Valid PersonForm form, @Size(max = 100) List<Long> notDuplicatesOf, @Nullable PopulationGroup group,
                               @Nullable LocalDate groupSince, @Nullable DisplacementPlace displacedFrom) {
    }

    /** A registered person as the database numbered it, in the order of the registrations. */
    public record Registered(long id, String registrationNo, long version, int groups) {
    }

    /** Probes per statement of {@link #checkFile}'s registry check (each distinct name of a chunk is matched once). */
    private static final int REGISTRY_CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PersonBulkService.class);

    private record AnswerKey(String username, String role, @Nullable Long scope, List<DuplicateProbe> probes) {
    }

    private record Kept(String version, FileDuplicates answers) {
    }

    /** The last few files' answers (an import follows its dry run); a file of 200,000 rows keeps about 20 MB. */
    private final Map<AnswerKey, Kept> reuse = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AnswerKey, Kept> eldest) {
            return size() > 4;
        }
    });

    private final PersonSearchRepository search;
    private final DuplicateSearch duplicates;
    private final PersonBulkRepository bulk;
    private final PersonAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;

    private final Clock clock;

    PersonBulkService(PersonSearchRepository search, DuplicateSearch duplicates, PersonBulkRepository bulk, PersonAccess access,
                      CurrentUser currentUser, AuditService audit, Clock clock) {
        this.clock = clock;
        this.search = search;
        this.duplicates = duplicates;
        this.bulk = bulk;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * For each probe, in order, exactly what {@link PersonService#findDuplicates} answers for it
     * (without an excluded person): the matches the user may see and a count of other partners'.
     */
    @Allowed(Permission.FIND_DUPLICATES)
    @Transactional(readOnly = true)
    public List<DuplicateCheck> findDuplicates(@Size(max = MAX_CHUNK) List<@Valid DuplicateProbe> probes) {
        Long scope = access.scope(currentUser.require());
        return duplicates.check(probes.stream().map(DuplicateProbe::toProbe).toList(),
                probes.stream().map(DuplicateProbe::blank).toList(), scope);
    }

    /**
     * The duplicate rule among the probes themselves (the rows of one file): for each probe, the
     * indexes of the earlier probes that would be offered as its duplicates were they registered,
     * best first (at most 20). The database only folds the names; the comparison runs in memory.
     */
    @Allowed(Permission.FIND_DUPLICATES)
    @Transactional(readOnly = true)
    public List<List<Integer>> findDuplicatesAmong(@Size(max = MAX_SET) List<@Valid DuplicateProbe> probes) {
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (!probes.get(i).blank()) {
                asked.add(i);
            }
        }
        List<List<Integer>> found = search.similarWithin(asked.stream().map(i -> probes.get(i).toProbe()).toList());
        List<List<Integer>> result = new ArrayList<>(probes.size());
        probes.forEach(p -> result.add(List.of()));
        for (int k = 0; k < asked.size(); k++) {
            result.set(asked.get(k), found.get(k).stream().map(asked::get).toList());
        }
        return result;
    }

    /** What the duplicate rule finds for the rows of one file: among the rows themselves ({@link #findDuplicatesAmong}) and in the registry. */
    public record FileDuplicates(List<List<Integer>> within, List<DuplicateCheck> registry) {
    }

    /**
     * Both duplicate checks of a file at once, each answer exactly what {@link #findDuplicatesAmong}
     * and {@link #findDuplicates} give (so what {@link PersonService#findDuplicates} gives per row),
     * the registry asked per chunk of {@value #REGISTRY_CHUNK} rows. The answers are kept for the same
     * user and the same probes: asked again (the import after its dry run) while the registry's data
     * version is unchanged (no commit since changed a person or who may see one), they are given
     * again without asking; otherwise everything is checked again. {@code done} hears how many
     * probes are answered.
     */
    @Allowed(Permission.FIND_DUPLICATES)
    @Transactional(readOnly = true)
    public FileDuplicates checkFile(@Size(max = MAX_SET) List<@Valid DuplicateProbe> probes, IntConsumer done) {
        AppUser user = currentUser.require();
        Long scope = access.scope(user);
        // First, so everything read below is at least as new as the version the answers are kept with.
        String version = search.registryVersion();
        AnswerKey key = new AnswerKey(user.getUsername(), user.role().name(), scope, List.copyOf(probes));
        Kept kept = reuse.get(key);
        if (kept != null && kept.version().equals(version)) {
            log.debug("{} probes: the registry is unchanged since they were checked ({}), answers reused", probes.size(), version);
            done.accept(probes.size());
            return kept.answers();
        }
        long started = System.nanoTime();
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (!probes.get(i).blank()) {
                asked.add(i);
            }
        }
        // Within the file: the names folded by the database (pc_fold), compared in memory.
        List<String> foldedAsked = search.fold(asked.stream().map(i -> probes.get(i).toProbe().name()).toList());
        List<List<Integer>> foundWithin = NameTrigrams.similarEarlier(foldedAsked, asked.stream().map(i -> probes.get(i).birthYear()).toList(),
                PersonSearchRepository.DUPLICATE_THRESHOLD, 20);
        List<List<Integer>> within = new ArrayList<>(probes.size());
        probes.forEach(p -> within.add(List.of()));
        for (int k = 0; k < asked.size(); k++) {
            if (!foundWithin.get(k).isEmpty()) {
                within.set(asked.get(k), foundWithin.get(k).stream().map(asked::get).toList());
            }
        }
        long withinDone = System.nanoTime();
        // The registry by pc_duplicates_each per chunk, as findDuplicates. (Comparing the registry's
        // distinct names in memory, as within the file, was tried in session 12 and was slower at
        // 50,000 rows on the loaded machine: docs/benchmarks.md.)
        List<DuplicateCheck> registry = new ArrayList<>(probes.size());
        for (int from = 0; from < probes.size(); from += REGISTRY_CHUNK) {
            int to = Math.min(probes.size(), from + REGISTRY_CHUNK);
            List<DuplicateProbe> chunk = probes.subList(from, to);
            registry.addAll(duplicates.check(chunk.stream().map(DuplicateProbe::toProbe).toList(), chunk.stream().map(DuplicateProbe::blank).toList(),
                    scope));
            done.accept(to);
        }
        log.debug("{} probes: within the file {} ms, against the registry {} ms", probes.size(), (withinDone - started) / 1_000_000,
                (System.nanoTime() - withinDone) / 1_000_000);
        FileDuplicates answers = new FileDuplicates(within, List.copyOf(registry));
        reuse.put(key, new Kept(version, answers));
        return answers;
    }

    /**
     * Registers the people for the user's partner, as {@link PersonService#register} and
     * {@link PersonFileService#addGroup} would one by one: every form and group is checked first by
     * their rules ({@link org.protectioncases.shared.FieldValidationException} for the first bad one,
     * nothing saved), then the people, their "not a duplicate" decisions, groups and history entries
     * are written in a few statements. {@code note} ends each history entry (e.g. the import batch).
     */
    @Allowed(Permission.EDIT_PEOPLE)
    @Transactional
    public List<Registered> registerAll(@Size(max = MAX_CHUNK) List<@Valid Registration> registrations,
                                        @Size(max = 300) @SingleLine String note) {
        AppUser user = currentUser.require();
        long partnerId = Objects.requireNonNull(user.partnerId());
        List<PersonForm> forms = new ArrayList<>(registrations.size());
        for (Registration r : registrations) {
            PersonService.validate(r.form(), LocalDate.now(clock));
            if (r.group() != null) {
                PersonFileService.groupRules(r.group(), r.groupSince(), null, r.displacedFrom(), LocalDate.now(clock));
            }
            // The entity's own normalisation (stripped text, blank to null, default precision).
            forms.add(new Person(partnerId, user.getUsername(), r.form(), LocalDate.now(clock)).toForm());
        }
        if (forms.isEmpty()) {
            return List.of();
        }
        List<PersonBulkRepository.Inserted> inserted = bulk.insertPeople(partnerId, user.getUsername(), forms);
        List<Registered> result = new ArrayList<>(inserted.size());
        Map<Long, AuditMessage> registeredDetails = new LinkedHashMap<>();
        Map<Long, AuditMessage> groupDetails = new LinkedHashMap<>();
        List<long[]> notDuplicates = new ArrayList<>();
        List<PersonBulkRepository.Group> groups = new ArrayList<>();
        for (int i = 0; i < inserted.size(); i++) {
            Registration r = registrations.get(i);
            PersonBulkRepository.Inserted p = inserted.get(i);
            r.notDuplicatesOf().forEach(other -> notDuplicates.add(new long[] {p.id(), other}));
            String english = p.registrationNo() + (r.notDuplicatesOf().isEmpty() ? "" : " not duplicate of " + r.notDuplicatesOf()) + ", " + note;
            registeredDetails.put(p.id(), r.notDuplicatesOf().isEmpty()
                    ? new AuditMessage("history.person.registered", List.of(p.registrationNo()), english)
                    : new AuditMessage("history.person.registeredNotDuplicate", List.of(p.registrationNo(), r.notDuplicatesOf().toString()), english));
            if (r.group() != null) {
                PopulationGroup g = r.group();
                groups.add(new PersonBulkRepository.Group(p.id(), g, Objects.requireNonNull(r.groupSince()),
                        g == PopulationGroup.IDP || g == PopulationGroup.RETURNEE ? r.displacedFrom() : null));
                groupDetails.put(p.id(), new AuditMessage("history.person.group", List.of(AuditMessage.keys(List.of(g.messageKey())),
                        Formats.date(Objects.requireNonNull(r.groupSince()))), g + " from " + r.groupSince()));
            }
            result.add(new Registered(p.id(), p.registrationNo(), p.version(), r.group() == null ? 0 : 1));
        }
        bulk.insertNotDuplicates(notDuplicates, user.getUsername());
        bulk.insertGroups(groups);
        audit.recordEach("PERSON_REGISTERED", "person", List.copyOf(registeredDetails.keySet()), List.copyOf(registeredDetails.values()));
        audit.recordEach("PERSON_GROUP_ADDED", "person", List.copyOf(groupDetails.keySet()), List.copyOf(groupDetails.values()));
        return result;
    }
}
