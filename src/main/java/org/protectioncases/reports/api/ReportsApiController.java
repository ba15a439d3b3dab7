package org.protectioncases.reports.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.SmallCells;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.factsheet.Figure;
import org.protectioncases.reports.factsheet.YearCount;
import org.protectioncases.reports.population.Breakdown;
import org.protectioncases.reports.population.Population;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The factsheet and its tables for other systems. Every figure comes from {@link FactsheetService}
 * exactly as the factsheet page shows it, scoped to the token's owner (managers: all partners,
 * coordinators: their partner). JSON by default; CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "The live factsheet and its tables, scoped to the token's owner")
@SecurityRequirement(name = ReportsApiDocs.BEARER)
@ApiResponse(responseCode = "400", description = "A parameter is invalid; `field` names it",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "No token, or an unknown, expired or revoked one, or a disabled account",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "The token's owner may not read reports (only UNHCR managers and partner coordinators)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
class ReportsApiController {

    static final MediaType CSV = new MediaType("text", "csv");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private final FactsheetService factsheets;
    private final Clock clock;

    ReportsApiController(FactsheetService factsheets, Clock clock) {
        this.clock = clock;
        this.factsheets = factsheets;
    }

    @GetMapping("/factsheet")
    @Operation(summary = "The factsheet of a year as the records stood on a date, every figure with its provenance and source")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Factsheet.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "figure,value,provenance,source"))})
    ResponseEntity<?> factsheet(
            @Parameter(description = "Factsheet year (2000 to next year); default: the year of asOf") @RequestParam(required = false) @Nullable Integer year,
            @Parameter(description = "As of this date (ISO, e.g. 2019-04-30); default: today") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @Parameter(description = "csv or json (default: from the Accept header, else json)") @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean csv = wantsCsv(format, accept);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Factsheet f = factsheets.factsheet(year == null ? date.getYear() : year, date);
        if (!csv) {
            return json(f);
        }
        return csv("factsheet-" + f.year() + "-" + f.asOf(), printer -> {
            printer.printRecord("figure", "value", "provenance", "source");
            figure(printer, "asylum_seekers", f.asylumSeekers());
            figure(printer, "asylum_seekers_year_before", f.asylumSeekersYearBefore());
            figure(printer, "at_risk_of_statelessness", f.atRiskOfStatelessness());
            figure(printer, "returns_year_before", f.returnsYearBefore());
            figure(printer, "returns_since_2000", f.returnsSince2000());
            for (DisplacementPlace place : Factsheet.PLACES) {
                figure(printer, "displaced_" + place.name().toLowerCase(Locale.ROOT), f.displaced().get(place));
            }
            figure(printer, "displaced_total", f.displacedTotal());
            figure(printer, "shelter_persons", f.shelterPersons());
            figure(printer, "shelters", f.shelters());
            figure(printer, "funding_requirement_usd", f.fundingRequirement());
            figure(printer, "funded_usd", f.funded());
            figure(printer, "unfunded_usd", f.unfunded());
            printer.printRecord("funded_percent", f.fundedPercent() == null ? "" : f.fundedPercent(), "COMPUTED", "");
            printer.printRecord("unfunded_percent", f.unfundedPercent() == null ? "" : f.unfundedPercent(), "COMPUTED", "");
            figure(printer, "staff_national", f.staffNational());
            figure(printer, "staff_international", f.staffInternational());
            figure(printer, "interns", f.interns());
            figure(printer, "offices", f.offices());
            printer.printRecord("partners", String.join(";", f.partners()), "PARTNER_RECORDS", "");
        });
    }

    @GetMapping("/breakdown")
    @Operation(summary = "A population figure by sex and age group (age on asOf); small-cell protection on unless external=false")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = BreakdownTable.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "age_group,female,male,other,total"))})
    ResponseEntity<?> breakdown(
            @Parameter(description = "Which population figure") @RequestParam Population population,
            @Parameter(description = "Factsheet year; default: the year of asOf") @RequestParam(required = false) @Nullable Integer year,
            @Parameter(description = "As of this date (ISO); default: today") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @Parameter(description = "For external sharing: counts 1-4 shown as <5, plus secondary suppression (default true)")
            @RequestParam(defaultValue = "true") boolean external,
            @Parameter(description = "csv or json") @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean csv = wantsCsv(format, accept);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        BreakdownTable table = table(factsheets.breakdown(population, year == null ? date.getYear() : year, date), external);
        if (!csv) {
            return json(table);
        }
        return csv("breakdown-" + population.name().toLowerCase(Locale.ROOT) + "-" + table.year() + "-" + table.asOf(), printer -> {
            printer.printRecord("age_group", "female", "male", "other", "total");
            for (BreakdownTable.Row row : table.rows()) {
                printer.printRecord(row.ageGroup(), row.female().published(), row.male().published(), row.other().published(),
                        row.total().published());
            }
        });
    }

    @GetMapping("/returns-per-year")
    @Operation(summary = "Distinct people who returned in each year from 2000 up to asOf")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = YearCount.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "year,persons"))})
    ResponseEntity<?> returnsPerYear(
            @Parameter(description = "As of this date (ISO); default: today") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @Parameter(description = "csv or json") @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean csv = wantsCsv(format, accept);
        return perYear("returns-per-year", factsheets.returnsPerYear(asOf == null ? LocalDate.now(clock) : asOf), csv);
    }

    @GetMapping("/asylum-seekers-per-year")
    @Operation(summary = "Distinct asylum seekers in each of the ten years up to asOf")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = YearCount.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "year,persons"))})
    ResponseEntity<?> asylumSeekersPerYear(
            @Parameter(description = "As of this date (ISO); default: today") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @Parameter(description = "csv or json") @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean csv = wantsCsv(format, accept);
        return perYear("asylum-seekers-per-year", factsheets.asylumSeekersPerYear(asOf == null ? LocalDate.now(clock) : asOf), csv);
    }

    private ResponseEntity<?> perYear(String name, List<YearCount> counts, boolean csv) {
        if (!csv) {
            return json(counts);
        }
        return csv(name, printer -> {
            printer.printRecord("year", "persons");
            for (YearCount c : counts) {
                printer.printRecord(c.year(), c.persons());
            }
        });
    }

    /** The breakdown as published: protected with {@link SmallCells} for external sharing, as the factsheet page does. */
    static BreakdownTable table(Breakdown breakdown, boolean external) {
        List<Breakdown.Row> rows = breakdown.rows();
        long[][] counts = rows.stream().map(r -> new long[] {r.female(), r.male(), r.other()}).toArray(long[][]::new);
        SmallCells.Result protectedTable = SmallCells.protect(counts);
        List<BreakdownTable.Row> out = new ArrayList<>();
        for (int r = 0; r <= rows.size(); r++) {
            String label = r == rows.size() ? "TOTAL" : rows.get(r).ageGroup() == null ? "UNKNOWN" : rows.get(r).ageGroup().name();
            BreakdownTable.Cell[] cells = new BreakdownTable.Cell[4];
            for (int c = 0; c < 4; c++) {
                long value = protectedTable.values()[r][c];
                cells[c] = external && protectedTable.isHidden(r, c)
                        ? new BreakdownTable.Cell(null, protectedTable.isSmall(r, c) ? "<5" : "x")
                        : new BreakdownTable.Cell(value, null);
            }
            out.add(new BreakdownTable.Row(label, cells[0], cells[1], cells[2], cells[3]));
        }
        return new BreakdownTable(breakdown.population(), breakdown.year(), breakdown.asOf(), external, out);
    }

    /** {@code format} wins; otherwise CSV when the client asks for text/csv explicitly (not through a wildcard). */
    static boolean wantsCsv(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BadParameterException("format", "Use format=csv or format=json");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            // The concrete type the client prefers most (highest q; the first listed on a tie).
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(t -> !t.isWildcardType() && !t.isWildcardSubtype() && t.getQualityValue() > 0)
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                    .findFirst().map(CSV::isCompatibleWith).orElse(false);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static ResponseEntity<String> csv(String name, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(CSV, Map.of("charset", "UTF-8")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".csv\"")
                .body(out.toString());
    }

    private static void figure(CSVPrinter printer, String name, @Nullable Figure figure) throws IOException {
        if (figure == null) {
            return;
        }
        BigDecimal value = figure.value();
        printer.printRecord(name, value == null ? "" : value.toPlainString(), figure.provenance().name(),
                figure.source() == null ? "" : figure.source());
    }
}
