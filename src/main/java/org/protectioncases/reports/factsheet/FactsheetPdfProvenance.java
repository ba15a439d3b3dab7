package org.protectioncases.reports.factsheet;

import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.INK;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.MUTED;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.font;
import static org.protectioncases.reports.factsheet.FactsheetPdfLayout.paragraph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.reports.Provenance;

/** The factsheet PDF's provenance notes: one line per kind of source, then the counting rules. */
final class FactsheetPdfProvenance {

    private FactsheetPdfProvenance() {
    }

    static PdfPTable box(Factsheet f, boolean external, FactsheetPdf.Texts t, FactsheetPdfLayout layout) {
        PdfPTable box = layout.box(t.get("factsheet.provenance"));
        box.setSpacingBefore(4);
        String year = String.valueOf(f.year());
        String yearBefore = String.valueOf(f.year() - 1);
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put(t.get("factsheet.asylumSeekers", year), f.asylumSeekers());
        figures.put(t.get("factsheet.asylumSeekers", yearBefore), f.asylumSeekersYearBefore());
        figures.put(t.get("factsheet.stateless"), f.atRiskOfStatelessness());
        figures.put(t.get("factsheet.returnsYear", yearBefore), f.returnsYearBefore());
        figures.put(t.get("factsheet.returnsSince"), f.returnsSince2000());
        figures.put(t.get("population.DISPLACED_WITHIN_KOSOVO"), f.displaced().get(DisplacementPlace.WITHIN_KOSOVO));
        figures.put(t.get("reported.DISPLACED_IN_SERBIA"), f.displaced().get(DisplacementPlace.SERBIA));
        figures.put(t.get("reported.DISPLACED_IN_MONTENEGRO"), f.displaced().get(DisplacementPlace.MONTENEGRO));
        figures.put(t.get("reported.DISPLACED_IN_NORTH_MACEDONIA"), f.displaced().get(DisplacementPlace.NORTH_MACEDONIA));
        figures.put(t.get("factsheetpdf.displacedTotal"), f.displacedTotal());
        figures.put(t.get("population.IN_SHELTERS"), f.shelterPersons());
        figures.put(t.get("reported.FUNDING_REQUIREMENT_USD"), f.fundingRequirement());
        figures.put(t.get("reported.FUNDING_RECEIVED_USD"), f.funded());
        figures.put(t.get("factsheet.unfunded"), f.unfunded());
        figures.put(t.get("reported.STAFF_NATIONAL"), f.staffNational());
        figures.put(t.get("reported.STAFF_INTERNATIONAL"), f.staffInternational());
        figures.put(t.get("reported.INTERNS"), f.interns());
        figures.put(t.get("reported.OFFICES"), f.offices());
        // One line per kind of source; reported figures each with their own source and date.
        Map<Provenance, List<String>> byProvenance = new EnumMap<>(Provenance.class);
        figures.forEach((label, figure) -> byProvenance.computeIfAbsent(figure.provenance(), p -> new ArrayList<>())
                .add(figure.source() == null ? label : label + ": " + figure.source()));
        byProvenance.computeIfAbsent(Provenance.PARTNER_RECORDS, p -> new ArrayList<>()).add(t.get("factsheet.partners"));
        Font label = font(layout.bold, 7.5f, INK);
        Font text = font(layout.regular, 7.5f, INK);
        PdfPCell notes = new PdfPCell();
        notes.setBorder(Rectangle.NO_BORDER);
        notes.setPaddingLeft(0);
        byProvenance.forEach((provenance, labels) -> {
            Paragraph p = new Paragraph();
            p.setLeading(9.5f);
            p.setSpacingAfter(2);
            p.add(new Chunk(layout.capitalised(t.get(provenance.messageKey())) + ": ", label));
            p.add(new Chunk(String.join("; ", labels) + ".", text));
            notes.addElement(p);
        });
        Paragraph rules = paragraph(t.get("factsheet.provenance.text"), font(layout.regular, 7.5f, MUTED), 3);
        rules.setLeading(9.5f);
        notes.addElement(rules);
        if (external) {
            Paragraph small = paragraph(t.get("breakdown.external.note"), font(layout.bold, 7.5f, MUTED), 3);
            small.setLeading(9.5f);
            notes.addElement(small);
        }
        box.addCell(notes);
        return box;
    }
}
