package org.protectioncases.reports.factsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerType;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PersonDetails;
import org.protectioncases.people.PersonFileService;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PersonService;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reports.SmallCells;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.support.ActingUsers;
import org.protectioncases.support.OwnerDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The factsheet PDF parsed back with PDFBox: A4, one or two pages, the service's figures formatted
 * in the reader's language, the as-of date and provenance, Albanian and Serbian letters, and
 * small-cell protection that keeps a count of 3 out of both its cell and the total.
 */
@SpringBootTest
class FactsheetPdfIT extends ActingUsers {

    static final LocalDate AS_OF_2019 = LocalDate.of(2019, 4, 30);
    /** Rendered files are kept here to look at (pdftoppm -png -r 60 ...). */
    static final Path OUT = Path.of("target", "factsheet-pdf");

    @Autowired
    FactsheetPdfService pdfs;
    @Autowired
    FactsheetService factsheets;
    @Autowired
    PersonService people;
    @Autowired
    PersonFileService personFiles;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private byte[] pdf(Role role, long partnerId, int year, LocalDate asOf, boolean external, Locale locale, String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        as(role, partnerId, () -> {
            pdfs.writePdf(year, asOf, external, locale, out);
            return null;
        });
        System.out.printf("Factsheet PDF %s: %d bytes in %d ms%n", file, out.size(), (System.nanoTime() - start) / 1_000_000);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(file), out.toByteArray());
        return out.toByteArray();
    }

    /** The text of the PDF with every run of white space (incl. no-break spaces) as one space. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0\\u202F]+", " ");
        }
    }

    private static String formatted(Figure figure, Locale locale) {
        // The app's rule (Formats): 68.514 in Albanian and Serbian, not the JDK's Albanian 68 514.
        return Formats.integers(locale).format(figure.value());
    }

    @Test
    void theManagersPdfIsOneOrTwoA4PagesWithTheServicesFiguresDateAndProvenance() throws IOException {
        long unhcr = partner("UNHCR");
        Factsheet f = as(Role.UNHCR_MANAGER, unhcr, () -> factsheets.factsheet(2019, AS_OF_2019));
        byte[] bytes = pdf(Role.UNHCR_MANAGER, unhcr, 2019, AS_OF_2019, true, Locale.ENGLISH, "factsheet-2019-en.pdf");

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            document.getPages().forEach(page -> {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), Offset.offset(1f));
            });
        }
        String text = text(bytes);
        // Every population figure as the service counted it (the 2019 demo figures are far above the small-cell threshold).
        for (Figure figure : List.of(f.asylumSeekers(), f.asylumSeekersYearBefore(), f.atRiskOfStatelessness(), f.returnsYearBefore(),
                f.returnsSince2000(), f.displacedTotal(), f.shelterPersons(), f.shelters())) {
            assertThat(figure.value().longValue()).isGreaterThanOrEqualTo(SmallCells.THRESHOLD);
            assertThat(text).contains(formatted(figure, Locale.ENGLISH));
        }
        for (DisplacementPlace place : Factsheet.PLACES) {
            assertThat(text).containsPattern(Pattern.quote(switch (place) {
                case WITHIN_KOSOVO -> "Within Kosovo";
                case SERBIA -> "Serbia";
                case MONTENEGRO -> "Montenegro";
                default -> "North Macedonia";
            }) + " " + Pattern.quote(formatted(f.displaced().get(place), Locale.ENGLISH)));
        }
        assertThat(text).contains("Total " + formatted(f.displacedTotal(), Locale.ENGLISH));
        // Funding like the printed sheet, percentages computed; the as-of date; the provenance notes with sources.
        assertThat(text).contains("USD 4.08 M", "USD 2.53 M", "USD 1.55 M", "62.0 %", "38.0 %");
        assertThat(text).contains("As of 30.04.2019", "All partners");
        assertThat(text).contains("Counted from individual records:", "Counted from shelter residence records:", "Reported figure:");
        assertThat(text).contains(f.displaced().get(DisplacementPlace.SERBIA).source());
        assertThat(text).contains("AT", "CRPK", "KRCT", "National staff");
        assertThat(text).contains("Counts from 1 to 4 are shown as <5").doesNotContain("Do not publish");

        // The download is in the audit trail and the access log.
        assertThat(jdbc.sql("select count(*) from record_access where entity_type = :t and entity_id = 2019")
                .param("t", FactsheetPdfService.ACCESS_TYPE).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select details from audit_event where action = 'EXPORT_PDF' order by id desc limit 1")
                .query(String.class).single()).contains("as of 2019-04-30", "small counts protected", "language en");
    }

    @Test
    void albanianAndSerbianTextKeepTheirLettersAndNumbersFollowTheLanguage() throws IOException {
        long unhcr = partner("UNHCR");
        Factsheet f = as(Role.UNHCR_MANAGER, unhcr, () -> factsheets.factsheet(2019, AS_OF_2019));
        Locale sq = Locale.of("sq");
        String albanian = text(pdf(Role.UNHCR_MANAGER, unhcr, 2019, AS_OF_2019, true, sq, "factsheet-2019-sq.pdf"));
        assertThat(albanian).contains("POPULLSIA NË INTERES TË UNHCR-SË", "Këshillit të Sigurimit", "Çdo referencë");
        assertThat(albanian).contains(formatted(f.returnsSince2000(), sq), "USD 4,08 mln", "62,0 %");
        Locale sr = Locale.of("sr");
        String serbian = text(pdf(Role.UNHCR_MANAGER, unhcr, 2019, AS_OF_2019, false, sr, "factsheet-2019-sr-internal.pdf"));
        assertThat(serbian).contains("Međunarodno osoblje", "pojedinačnih zapisa", "tražioci azila", "pomoću", "zaštićeni");
        assertThat(serbian).contains(formatted(f.returnsSince2000(), sr), "USD 4,08 mil.");
    }

    @Test
    void forExternalSharingACountOfThreePrintsAsUnderFiveAndTheTotalDoesNotRevealIt() throws IOException {
        String code = "PDF" + (System.nanoTime() % 1_000_000);
        long partnerId = system.runAsAdmin(() -> partners.save(new PartnerDto(null, code, "Small cells test " + code,
                PartnerType.OTHER, true, 0)).id());
        // Three displaced within Kosovo (also asylum seekers in 2008), six in Serbia, seven in North Macedonia; all
        // memberships ended in 2008, so the shared database's 2019 demo figures stay as printed for other tests.
        LocalDate ended = LocalDate.of(2008, 12, 31);
        int[] counts = {3, 6, 0, 7};
        for (int i = 0; i < counts.length; i++) {
            DisplacementPlace place = Factsheet.PLACES.get(i);
            for (int n = 0; n < counts[i]; n++) {
                String given = "Pdf" + place.name().charAt(0) + n;
                PersonDetails p = as(Role.PARTNER_LAWYER, partnerId, () -> people.register(PersonForm.of(given, "Qelizë", Sex.MALE,
                        LocalDate.of(1975, 1, 1), BirthDatePrecision.YEAR, Community.ROMA, "PRI"), List.of()));
                as(Role.PARTNER_LAWYER, partnerId, () -> personFiles.addGroup(p.id(), PopulationGroup.IDP, LocalDate.of(2007, 1, 1), ended, place));
                if (place == DisplacementPlace.WITHIN_KOSOVO) {
                    as(Role.PARTNER_LAWYER, partnerId, () -> personFiles.addGroup(p.id(), PopulationGroup.ASYLUM_SEEKER,
                            LocalDate.of(2008, 2, 1), ended, null));
                }
            }
        }
        LocalDate asOf = LocalDate.of(2008, 6, 30);
        Factsheet f = as(Role.PARTNER_COORDINATOR, partnerId, () -> factsheets.factsheet(2008, asOf));
        assertThat(f.displaced().get(DisplacementPlace.WITHIN_KOSOVO).value().longValue()).isEqualTo(3);
        assertThat(f.asylumSeekers().value().longValue()).isEqualTo(3);

        // Unprotected, the figures are what was recorded.
        String internal = text(pdf(Role.PARTNER_COORDINATOR, partnerId, 2008, asOf, false, Locale.ENGLISH, "factsheet-small-internal.pdf"));
        assertThat(internal).contains("Within Kosovo 3", "Serbia 6", "North Macedonia 7", "Total 16", "Do not publish");

        String published = text(pdf(Role.PARTNER_COORDINATOR, partnerId, 2008, asOf, true, Locale.ENGLISH, "factsheet-small-external.pdf"));
        assertThat(published).contains("Within Kosovo <5").doesNotContain("Within Kosovo 3");
        assertThat(published).contains("<5 asylum seekers in 2008");
        // The published table: no hidden count can be recomputed as total minus the visible places.
        List<String> labels = List.of("Within Kosovo", "Serbia", "Montenegro", "North Macedonia", "Total");
        List<String> shown = labels.stream().map(label -> {
            Matcher m = Pattern.compile(Pattern.quote(label) + " (<5|x|[\\d,]+)").matcher(published);
            assertThat(m.find()).as("row %s in %s", label, published).isTrue();
            return m.group(1);
        }).toList();
        long hiddenPlaces = shown.subList(0, 4).stream().filter(v -> v.equals("<5") || v.equals("x")).count();
        boolean totalShown = shown.get(4).matches("[\\d,]+");
        assertThat(!totalShown || hiddenPlaces >= 2).as("published %s", shown).isTrue();
        assertThat(shown.get(4)).isNotEqualTo("3");
        if (totalShown) {
            // With the total shown, the hidden places together hold total minus the visible ones, which must not pin down 3.
            long visibleSum = shown.subList(0, 4).stream().filter(v -> v.matches("[\\d,]+")).mapToLong(v -> Long.parseLong(v.replace(",", ""))).sum();
            assertThat(Long.parseLong(shown.get(4).replace(",", "")) - visibleSum).isNotEqualTo(3);
        }
    }

    @Test
    void aLawyerGetsNoPdf() {
        long krct = partner("KRCT");
        assertThatThrownBy(() -> as(Role.PARTNER_LAWYER, krct, () -> {
            pdfs.writePdf(2019, AS_OF_2019, true, Locale.ENGLISH, new ByteArrayOutputStream());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }
}
