package org.protectioncases.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.protectioncases.people.BirthDatePrecision;
import org.protectioncases.people.Community;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.i18n.Language;

class ValueMappingTest {

    private final ValueMaps values = new ValueMaps(Map.of(
            Language.EN, List.of(new ReferenceItem("PRI", "Pristina"), new ReferenceItem("MIT", "Mitrovica South"),
                    new ReferenceItem("MIN", "Mitrovica North")),
            Language.SQ, List.of(new ReferenceItem("PRI", "Prishtinë"), new ReferenceItem("MIT", "Mitrovicë e Jugut"),
                    new ReferenceItem("MIN", "Mitrovicë e Veriut")),
            Language.SR, List.of(new ReferenceItem("PRI", "Priština"), new ReferenceItem("MIT", "Južna Mitrovica"),
                    new ReferenceItem("MIN", "Severna Mitrovica"))),
            Map.of(Language.EN, List.of(new ReferenceItem("RS", "Serbia")), Language.SQ, List.of(new ReferenceItem("RS", "Serbia")),
                    Language.SR, List.of(new ReferenceItem("RS", "Srbija"))));

    @Test
    void sexInEveryLanguageAndAbbreviated() {
        for (String female : List.of("F", "f", "Femër", "FEMER", "Žensko", "ženski", "Женско", "Female")) {
            assertThat(values.sex(female)).as(female).contains(Sex.FEMALE);
        }
        for (String male : List.of("M", "Mashkull", "Muški", "musko", "Male")) {
            assertThat(values.sex(male)).as(male).contains(Sex.MALE);
        }
        assertThat(values.sex("Q")).isEmpty();
    }

    @Test
    void municipalitiesByAlbanianSerbianEnglishNameOrCodeAndDefiniteForm() {
        for (String name : List.of("Prishtinë", "Prishtina", "PRISHTINE", "Priština", "Pristina", "Приштина", "pri")) {
            assertThat(values.municipality(name)).as(name).contains("PRI");
        }
        assertThat(values.municipality("Mitrovicë e Veriut")).contains("MIN");
        assertThat(values.municipality("Severna Mitrovica")).contains("MIN");
        assertThat(values.municipality("Mitrovica e Jugut")).contains("MIT");
        assertThat(values.municipality("Atlantis")).isEmpty();
    }

    @Test
    void communitiesAndGroupsInEveryLanguage() {
        assertThat(values.community("Rom")).contains(Community.ROMA);
        assertThat(values.community("Aškalija")).contains(Community.ASHKALI);
        assertThat(values.community("Ashkali")).contains(Community.ASHKALI);
        assertThat(values.community("Egjiptian")).contains(Community.EGYPTIAN);
        assertThat(values.community("Srbin")).contains(Community.SERB);
        assertThat(values.community("Shqiptar")).contains(Community.ALBANIAN);
        assertThat(values.community("Marsian")).isEmpty();
        assertThat(values.group("IDP")).contains(PopulationGroup.IDP);
        assertThat(values.group("PZHBV")).contains(PopulationGroup.IDP);
        assertThat(values.group("Interno raseljeno lice")).contains(PopulationGroup.IDP);
        assertThat(values.group("I kthyer")).contains(PopulationGroup.RETURNEE);
        assertThat(values.group("Povratnik")).contains(PopulationGroup.RETURNEE);
        assertThat(values.country("Srbija")).contains("RS");
    }

    @Test
    void datesInEveryAcceptedShape() {
        LocalDate expected = LocalDate.of(1984, 3, 7);
        for (String text : List.of("07.03.1984", "7.3.1984", "7.3.1984.", "1984-03-07", "7/3/1984", "30748")) {
            assertThat(DateValues.parse(text)).as(text).hasValueSatisfying(p -> {
                assertThat(p.date()).isEqualTo(expected);
                assertThat(p.precision()).isEqualTo(BirthDatePrecision.EXACT);
            });
        }
        assertThat(DateValues.parse("1984")).hasValueSatisfying(p -> assertThat(p.precision()).isEqualTo(BirthDatePrecision.YEAR));
        assertThat(DateValues.parse("03.1984")).hasValueSatisfying(p -> assertThat(p.precision()).isEqualTo(BirthDatePrecision.MONTH));
        for (String bad : List.of("31.02.1984", "yesterday", "7-3-84", "")) {
            assertThat(DateValues.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void foldingTreatsCyrillicAndDiacriticsAlike() {
        assertThat(TextFolding.fold("Đorđević")).isEqualTo(TextFolding.fold("Ђорђевић")).isEqualTo("djordjevic");
        assertThat(TextFolding.fold("  Datëlindja ")).isEqualTo("datelindja");
    }
}
