package org.protectioncases.reports.factsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.Provenance;
import org.protectioncases.shared.i18n.AppI18NProvider;

/**
 * The layout without a database: the printed 2019 factsheet's figures rendered in each language
 * fit on at most two A4 pages (Serbian Cyrillic too, with its glyphs embedded), and no caption is cut off (every word of the longest Albanian and
 * Serbian captions is in the text). The files are kept in {@code target/factsheet-pdf/} to look at.
 */
class FactsheetPdfTest {

    static Factsheet printed2019() {
        Map<DisplacementPlace, Figure> displaced = new EnumMap<>(DisplacementPlace.class);
        displaced.put(DisplacementPlace.WITHIN_KOSOVO, counted(16_200));
        displaced.put(DisplacementPlace.SERBIA, reported(68_514, "Figure reported by the authorities of Serbia (01.01.2019)"));
        displaced.put(DisplacementPlace.MONTENEGRO, reported(135, "Figure reported by the authorities of Montenegro (01.01.2019)"));
        displaced.put(DisplacementPlace.NORTH_MACEDONIA, reported(125, "Figure reported by the authorities of North Macedonia (01.01.2019)"));
        return new Factsheet(2019, LocalDate.of(2019, 4, 30), null, counted(320), counted(595), counted(500), counted(327),
                counted(28_154), displaced, new Figure(BigDecimal.valueOf(84_974), Provenance.COMPUTED, null),
                new Figure(BigDecimal.valueOf(412), Provenance.SHELTER_RECORDS, null), new Figure(BigDecimal.valueOf(22), Provenance.SHELTER_RECORDS, null),
                reported(4_080_000, "UNHCR budget 2019 (15.01.2019)"), reported(2_530_000, "UNHCR funding update (30.04.2019)"),
                new Figure(BigDecimal.valueOf(1_550_000), Provenance.COMPUTED, null), 62.0, 38.0, List.of("AT", "CRPK", "KRCT"),
                reported(23, "UNHCR Kosovo staffing (01.01.2019)"), reported(1, "UNHCR Kosovo staffing (01.01.2019)"),
                reported(1, "UNHCR Kosovo staffing (01.01.2019)"), reported(1, "UNHCR Kosovo (01.01.2019)"));
    }

    private static Figure counted(long value) {
        return Figure.counted(value, Provenance.INDIVIDUAL_RECORDS);
    }

    private static Figure reported(long value, String source) {
        return new Figure(BigDecimal.valueOf(value), Provenance.REPORTED, source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "sq", "sr", "sr-Cyrl"})
    void thePrintedFactsheetFitsOnAtMostTwoPagesWithNoCaptionCutOff(String language) throws IOException {
        Locale locale = Locale.of(language);
        AppI18NProvider i18n = new AppI18NProvider();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FactsheetPdf(printed2019(), true, locale, (key, params) -> i18n.getTranslation(key, locale, params), LocalDate.of(2026, 11, 27))
                .write(out);
        Path dir = Files.createDirectories(Path.of("target", "factsheet-pdf"));
        Files.write(dir.resolve("printed-2019-" + language + ".pdf"), out.toByteArray());
        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            String text = new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0\\u202F]+", " ");
            for (String key : List.of("factsheetpdf.returnsSince", "factsheetpdf.displacedTotal", "factsheet.stateless")) {
                String caption = i18n.getTranslation(key, locale, "30.04.2019");
                for (String word : caption.split(" ")) {
                    assertThat(text).as("%s in %s", key, language).contains(word);
                }
            }
            assertThat(text).doesNotContain("!factsheet");
            if (language.equals("sr-Cyrl")) {
                // Liberation Sans has the Cyrillic glyphs: the text is there to extract, not dropped.
                assertThat(text).contains(i18n.getTranslation("factsheet.title", locale, "2019")).containsPattern("\\p{IsCyrillic}{5,}");
            }
        }
    }
}
