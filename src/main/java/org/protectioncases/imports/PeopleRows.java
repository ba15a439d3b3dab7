package org.protectioncases.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PersonForm;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;

/**
 * Turns one row of a people file into the registration form's {@link PersonForm} (and a group
 * membership), or into errors by column for values that do not map. Whether the form is valid is
 * then the people service's question, not this class's. The cells are read by {@link ImportCells},
 * as for cases and sessions.
 */
final class PeopleRows {

    /** A row that mapped: the form, the optional group membership, and the folded key for in-file duplicates. */
    record Prepared(int row, PersonForm form, @Nullable PopulationGroup group, @Nullable LocalDate groupSince,
                    @Nullable DisplacementPlace displacedFrom) {
    }

    private final ImportCells cells;
    private final ValueMaps values;

    PeopleRows(ColumnMapping mapping, List<String> headers, ValueMaps values) {
        this.cells = new ImportCells(mapping, headers);
        this.values = values;
    }

    /** The header of the column mapped to {@code field}, or the field's name if no column is. */
    String column(ImportField field) {
        return cells.column(field);
    }

    Prepared map(SourceTable.Row row, List<DryRunResult.CellError> errors) {
        int n = row.number();
        String given = cells.text(row, ImportField.GIVEN_NAME);
        String family = cells.text(row, ImportField.FAMILY_NAME);
        Sex sex = cells.value(row, ImportField.SEX, values::sex, errors, true);
        Community community = cells.value(row, ImportField.COMMUNITY, values::community, errors, true);
        CitizenshipStatus status = cells.value(row, ImportField.CITIZENSHIP_STATUS, values::citizenship, errors, false);
        String countryText = cells.text(row, ImportField.CITIZENSHIP_COUNTRY);
        String country = countryText.isEmpty() ? null : cells.value(row, ImportField.CITIZENSHIP_COUNTRY, values::country, errors, false);
        if (status == null) {
            status = country != null ? CitizenshipStatus.COUNTRY : CitizenshipStatus.UNDETERMINED;
        }
        String municipality = cells.value(row, ImportField.MUNICIPALITY, values::municipality, errors, false);
        DateValues.Parsed birthParsed = cells.anyDate(row, ImportField.BIRTH_DATE, errors);
        LocalDate birth = birthParsed == null ? null : birthParsed.date();
        BirthDatePrecision precision = birthParsed == null ? null : birthParsed.precision();
        PopulationGroup group = cells.value(row, ImportField.POPULATION_GROUP, values::group, errors, false);
        DateValues.Parsed sinceParsed = cells.anyDate(row, ImportField.GROUP_SINCE, errors);
        LocalDate since = sinceParsed == null ? null : sinceParsed.date();
        DisplacementPlace place = cells.value(row, ImportField.DISPLACED_FROM, values::displacement, errors, false);
        PersonForm form = new PersonForm(given, family, blankToNull(text(row, ImportField.FATHER_NAME)),
                blankToNull(text(row, ImportField.OTHER_NAMES)), sex == null ? Sex.OTHER : sex, birth, precision,
                blankToNull(text(row, ImportField.PLACE_OF_BIRTH)), status, country, community == null ? Community.OTHER : community,
                blankToNull(text(row, ImportField.LANGUAGES)), blankToNull(text(row, ImportField.PHONE)),
                blankToNull(text(row, ImportField.ADDRESS)), municipality, null);
        return new Prepared(n, form, group, since, place);
    }

    DryRunResult.CellError error(int row, ImportField field, String key, Object... args) {
        return cells.error(row, field, key, args);
    }

    private String text(SourceTable.Row row, ImportField field) {
        return cells.text(row, field);
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static List<DryRunResult.CellError> noErrors() {
        return new ArrayList<>();
    }
}
