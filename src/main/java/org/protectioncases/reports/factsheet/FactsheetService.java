package org.protectioncases.reports.factsheet;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.protectioncases.audit.AuditMessage;
import org.protectioncases.audit.AuditService;
import org.protectioncases.monitoring.AgeGroup;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.Provenance;
import org.protectioncases.reports.SmallCells;
import org.protectioncases.reports.population.Breakdown;
import org.protectioncases.reports.population.CrossTable;
import org.protectioncases.reports.population.Dimension;
import org.protectioncases.reports.population.Disaggregation;
import org.protectioncases.reports.population.Population;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Allowed;
import org.protectioncases.shared.FieldErrors;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.db.ReportWork;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.validation.Required;
import org.protectioncases.shared.validation.RuleKeys;
import org.protectioncases.shared.validation.SingleLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live factsheet: every figure computed in SQL from the dated records as of a chosen date,
 * for a chosen year, with its provenance. UNHCR managers see all partners; a coordinator sees the
 * same figures limited to the people of their partner (and no host-authority figures, which are
 * mission-wide). Totals and percentages are always computed, never entered.
 */
@Service
public class FactsheetService {

    /** reported_figure.source is varchar(300); the figure form uses the same constant. */
    public static final int SOURCE_MAX = 300;
    /** A year from the first records on, or not yet a year at all. */
    private static final String YEAR = "report.validation.year";

    private static final DateTimeFormatter DATE = Formats.DATE;
    private static final Map<DisplacementPlace, ReportedFigureKind> HOSTED = Map.of(
            DisplacementPlace.SERBIA, ReportedFigureKind.DISPLACED_IN_SERBIA,
            DisplacementPlace.MONTENEGRO, ReportedFigureKind.DISPLACED_IN_MONTENEGRO,
            DisplacementPlace.NORTH_MACEDONIA, ReportedFigureKind.DISPLACED_IN_NORTH_MACEDONIA);

    private final FactsheetRepository repository;
    private final CurrentUser currentUser;
    private final AuditService audit;

    private final FactsheetCache cache;
    private final Clock clock;

    FactsheetService(FactsheetRepository repository, CurrentUser currentUser, AuditService audit, FactsheetCache cache, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.currentUser = currentUser;
        this.audit = audit;
        this.cache = cache;
    }

    /** The factsheet of {@code year} as the records stood on {@code asOf}. */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @ReportWork(cached = true)
    public Factsheet factsheet(int year, LocalDate asOf) {
        AppUser user = currentUser.require();
        checkYear(year, asOf);
        Long partner = aggregateScope();
        // One snapshot for every figure and for the data version the cache compares.
        return cache.get(List.of("factsheet", String.valueOf(partner), year, asOf), cache.currentVersion(),
                () -> computeFactsheet(user, year, asOf, partner));
    }

    private Factsheet computeFactsheet(AppUser user, int year, LocalDate asOf, @Nullable Long partner) {

        Figure asylum = duringYear("ASYLUM_SEEKER", year, asOf, partner);
        Figure asylumBefore = duringYear("ASYLUM_SEEKER", year - 1, asOf, partner);
        Figure stateless = Figure.counted(repository.inGroupDuring("AT_RISK_OF_STATELESSNESS", asOf, asOf, partner),
                Provenance.INDIVIDUAL_RECORDS);
        Figure returnsBefore = asOf.isBefore(LocalDate.of(year - 1, 1, 1)) ? Figure.counted(0, Provenance.INDIVIDUAL_RECORDS)
                : Figure.counted(repository.returnedBetween(LocalDate.of(year - 1, 1, 1), min(LocalDate.of(year - 1, 12, 31), asOf), partner),
                Provenance.INDIVIDUAL_RECORDS);
        Figure returnsSince2000 = Figure.counted(repository.returnedBetween(LocalDate.of(2000, 1, 1), asOf, partner),
                Provenance.INDIVIDUAL_RECORDS);

        Map<DisplacementPlace, Long> counted = repository.displacedOn(asOf, partner);
        Map<DisplacementPlace, Figure> displaced = new EnumMap<>(DisplacementPlace.class);
        for (DisplacementPlace place : Factsheet.PLACES) {
            ReportedFigureKind hosted = HOSTED.get(place);
            Optional<ReportedFigure> reported = hosted == null || partner != null ? Optional.empty()
                    : repository.reported(hosted, year, asOf);
            displaced.put(place, reported.map(FactsheetService::reportedFigure)
                    .orElseGet(() -> Figure.counted(counted.getOrDefault(place, 0L), Provenance.INDIVIDUAL_RECORDS)));
        }
        BigDecimal total = displaced.values().stream().map(f -> Objects.requireNonNull(f.value())).reduce(BigDecimal.ZERO, BigDecimal::add);
        long[] shelters = repository.inSheltersOn(asOf, partner);

        Figure requirement = reported(ReportedFigureKind.FUNDING_REQUIREMENT_USD, year, asOf);
        Figure funded = reported(ReportedFigureKind.FUNDING_RECEIVED_USD, year, asOf);
        Figure unfunded = new Figure(null, Provenance.NOT_AVAILABLE, null);
        Double fundedPercent = null;
        Double unfundedPercent = null;
        if (requirement.available() && funded.available() && requirement.value().signum() > 0) {
            BigDecimal gap = requirement.value().subtract(funded.value()).max(BigDecimal.ZERO);
            unfunded = new Figure(gap, Provenance.COMPUTED, null);
            fundedPercent = funded.value().multiply(BigDecimal.valueOf(100)).divide(requirement.value(), 1, RoundingMode.HALF_UP).doubleValue();
            unfundedPercent = Math.round((100.0 - fundedPercent) * 10) / 10.0;
        }
        return new Factsheet(year, asOf, user.role() == Role.UNHCR_MANAGER ? null : user.partnerCode(),
                asylum, asylumBefore, stateless, returnsBefore, returnsSince2000, displaced, new Figure(total, Provenance.COMPUTED, null),
                Figure.counted(shelters[0], Provenance.SHELTER_RECORDS), Figure.counted(shelters[1], Provenance.SHELTER_RECORDS),
                requirement, funded, unfunded, fundedPercent, unfundedPercent, repository.implementingPartners(),
                reported(ReportedFigureKind.STAFF_NATIONAL, year, asOf), reported(ReportedFigureKind.STAFF_INTERNATIONAL, year, asOf),
                reported(ReportedFigureKind.INTERNS, year, asOf), reported(ReportedFigureKind.OFFICES, year, asOf));
    }

    /**
     * A population figure of the factsheet by sex and age group (age on the as-of date), with the
     * same scope and dates as the factsheet; the rows add up to the factsheet's figure.
     */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @ReportWork(cached = true)
    public Breakdown breakdown(Population population, int year, LocalDate asOf) {
        checkYear(year, asOf);
        Long partner = aggregateScope();
        return cache.get(List.of("breakdown", String.valueOf(partner), population, year, asOf), cache.currentVersion(),
                () -> computeBreakdown(population, year, asOf, partner));
    }

    private Breakdown computeBreakdown(Population population, int year, LocalDate asOf, @Nullable Long partner) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = min(LocalDate.of(year, 12, 31), asOf);
        Map<AgeGroup, long[]> cells = new LinkedHashMap<>();
        long[] unknown = new long[3];
        if (population != Population.ASYLUM_SEEKERS || !asOf.isBefore(from)) {
            for (Object[] r : repository.sexAndAge(population, from, to, asOf, partner)) {
                long[] row = r[0] == null ? unknown
                        : cells.computeIfAbsent(AgeGroup.valueOf((String) r[0]), k -> new long[3]);
                row[sexColumn((String) r[1])] += (Long) r[2];
            }
        }
        List<Breakdown.Row> rows = new ArrayList<>();
        for (AgeGroup group : AgeGroup.values()) {
            long[] c = cells.getOrDefault(group, new long[3]);
            rows.add(new Breakdown.Row(group, c[0], c[1], c[2]));
        }
        rows.add(new Breakdown.Row(null, unknown[0], unknown[1], unknown[2]));
        return new Breakdown(population, year, asOf, rows);
    }

    /**
     * A population figure by a dimension (age group, community, municipality, registering partner)
     * and sex for a period: asylum seekers at any time in the period, returns in the period, the
     * other populations on the period's last day (age on that day too). Same scope as the factsheet.
     */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional(readOnly = true)
    @ReportWork
    public Disaggregation disaggregate(Population population, Dimension dimension, @Required @Nullable LocalDate from,
                                       @Required @Nullable LocalDate to) {
        checkPeriod(from, to);
        AppUser user = currentUser.require();
        Long partner = aggregateScope();
        Map<String, long[]> cells = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Object[] r : repository.disaggregate(population, dimension, from, to, to, partner)) {
            long[] row = cells.computeIfAbsent((String) r[0], k -> new long[3]);
            row[sexColumn((String) r[1])] += (Long) r[2];
        }
        List<Disaggregation.Row> rows = new ArrayList<>();
        if (dimension == Dimension.AGE_GROUP) {
            // UNHCR's age groups in their own order, each shown even when empty.
            for (AgeGroup group : AgeGroup.values()) {
                long[] c = cells.getOrDefault(group.name(), new long[3]);
                rows.add(new Disaggregation.Row(group.name(), c[0], c[1], c[2]));
            }
            if (cells.containsKey(null)) {
                long[] c = cells.get(null);
                rows.add(new Disaggregation.Row(null, c[0], c[1], c[2]));
            }
        } else {
            cells.forEach((k, c) -> rows.add(new Disaggregation.Row(k, c[0], c[1], c[2])));
        }
        return new Disaggregation(population, dimension, from, to, partner == null ? null : user.partnerCode(), rows);
    }

    /**
     * A population figure by two dimensions at once (e.g. municipality × age group) for a period, with
     * the periods and scope of {@link #disaggregate}: the cells add up to the same figure. Counted in
     * one grouped query; small cells are protected where the table is shown ({@link SmallCells}).
     */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional(readOnly = true)
    @ReportWork
    public CrossTable crossTabulate(Population population, Dimension rows, Dimension columns, @Required @Nullable LocalDate from,
                                    @Required @Nullable LocalDate to) {
        checkPeriod(from, to);
        new FieldErrors().rejectIf(rows == columns, "columns", "population.validation.sameDimension").throwIfAny();
        AppUser user = currentUser.require();
        Long partner = aggregateScope();
        List<FactsheetRepository.CrossCount> cells = repository.crossTab(population, rows, columns, from, to, to, partner);
        List<@Nullable String> rowKeys = rows.keys(cells.stream().map(FactsheetRepository.CrossCount::row).toList());
        List<@Nullable String> columnKeys = columns.keys(cells.stream().map(FactsheetRepository.CrossCount::column).toList());
        long[][] counts = new long[rowKeys.size()][columnKeys.size()];
        for (FactsheetRepository.CrossCount cell : cells) {
            counts[rowKeys.indexOf(cell.row())][columnKeys.indexOf(cell.column())] += cell.count();
        }
        return new CrossTable(population, rows, columns, from, to, partner == null ? null : user.partnerCode(), rowKeys, columnKeys,
                Arrays.stream(counts).map(r -> Arrays.stream(r).boxed().toList()).toList());
    }

    /** Both dates are there (the parameters' constraints); the period's own rules. */
    private void checkPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        new FieldErrors()
                .rejectIf(from.getYear() < 2000, "from", "report.validation.year")
                .rejectIf(to.isBefore(from), "to", "report.validation.periodOrder")
                .rejectIf(to.isAfter(LocalDate.now(clock)), "to", "validation.notInFuture")
                .throwIfAny();
    }

    private static int sexColumn(String sex) {
        return switch (sex) {
            case "FEMALE" -> 0;
            case "MALE" -> 1;
            default -> 2;
        };
    }

    /** Returns per year since 2000 up to the as-of date (distinct people per year). */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional(readOnly = true)
    @ReportWork
    public List<YearCount> returnsPerYear(LocalDate asOf) {
        return repository.returnsPerYear(checkedAsOf(asOf), aggregateScope());
    }

    /** Asylum seekers per year for the ten years up to the as-of date. */
    @Allowed(Permission.READ_FACTSHEET)
    @Transactional(readOnly = true)
    @ReportWork
    public List<YearCount> asylumSeekersPerYear(LocalDate asOf) {
        LocalDate checked = checkedAsOf(asOf);
        return repository.asylumSeekersPerYear(Math.max(2000, checked.getYear() - 9), checked, aggregateScope());
    }

    private void checkYear(int year, LocalDate asOf) {
        new FieldErrors()
                .rejectIf(year < 2000 || year > LocalDate.now(clock).getYear() + 1, "year", "report.validation.year")
                .rejectIf(asOf.isAfter(LocalDate.now(clock)), "asOf", "validation.notInFuture")
                .throwIfAny();
    }

    private LocalDate checkedAsOf(LocalDate asOf) {
        new FieldErrors().rejectIf(asOf.isAfter(LocalDate.now(clock)), "asOf", "validation.notInFuture")
                .rejectIf(asOf.getYear() < 2000, "asOf", "report.validation.year").throwIfAny();
        return asOf;
    }

    /** The partner whose people the user may count (null: all), with room for this transaction's aggregates. */
    private @Nullable Long aggregateScope() {
        repository.roomForAggregates();
        return partnerScope();
    }

    private @Nullable Long partnerScope() {
        AppUser user = currentUser.require();
        return user.partnerScope();
    }

    /** People in the group at any time in the year, as far as the records reached on {@code asOf}. */
    private Figure duringYear(String group, int year, LocalDate asOf, @Nullable Long partner) {
        LocalDate start = LocalDate.of(year, 1, 1);
        if (asOf.isBefore(start)) {
            return Figure.counted(0, Provenance.INDIVIDUAL_RECORDS);
        }
        return Figure.counted(repository.inGroupDuring(group, start, min(LocalDate.of(year, 12, 31), asOf), partner),
                Provenance.INDIVIDUAL_RECORDS);
    }

    private Figure reported(ReportedFigureKind kind, int year, LocalDate asOf) {
        return repository.reported(kind, year, asOf).map(FactsheetService::reportedFigure)
                .orElse(new Figure(null, Provenance.NOT_AVAILABLE, null));
    }

    private static Figure reportedFigure(ReportedFigure r) {
        return new Figure(r.value(), Provenance.REPORTED, r.source() + " (" + r.validFrom().format(DATE) + ")");
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Every reported figure entered, newest year first. */
    @Allowed(Permission.RECORD_REPORTED_FIGURES)
    @Transactional(readOnly = true)
    public List<ReportedFigure> reportedFigures() {
        return repository.allReported();
    }

    /** Enters a reported figure from a date on (a correction for the same date replaces it; both are audited). */
    @Allowed(Permission.RECORD_REPORTED_FIGURES)
    @Transactional
    public void recordFigure(@Required @Nullable ReportedFigureKind figure,
                             @Required(message = YEAR) @Min(value = 1999, message = YEAR) @Max(value = 2100, message = YEAR) @Nullable Integer year,
                             @Required @PositiveOrZero(message = "report.validation.negative") @Nullable BigDecimal value,
                             @Required @PastOrPresent(message = RuleKeys.NOT_IN_FUTURE) @Nullable LocalDate validFrom,
                             @Required(message = "report.validation.source") @Size(max = SOURCE_MAX) @SingleLine @Nullable String source) {
        // Every rule is a constraint on the parameters (named as the form's fields), refused before this runs.
        ReportedFigureKind kind = Objects.requireNonNull(figure);
        long id = repository.insert(Objects.requireNonNull(kind), Objects.requireNonNull(year), Objects.requireNonNull(value),
                Objects.requireNonNull(validFrom), Objects.requireNonNull(source).strip(), currentUser.require().getUsername());
        audit.recordMessage("REPORTED_FIGURE", "reported_figure", id, new AuditMessage("history.factsheet.reported",
                List.of(AuditMessage.keys(List.of(kind.messageKey())), String.valueOf(year), value.toPlainString(), Formats.date(validFrom),
                        AuditMessage.text(source.strip())),
                kind + " " + year + " = " + value.toPlainString() + " from " + validFrom + " (" + source.strip() + ")"));
    }
}
