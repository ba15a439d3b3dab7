package org.protectioncases.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.protectioncases.people.CitizenshipStatus;
import org.protectioncases.people.Community;
import org.protectioncases.people.DisplacementPlace;
import org.protectioncases.people.PopulationGroup;
import org.protectioncases.people.Sex;
import org.protectioncases.reference.ReferenceItem;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.protectioncases.shared.i18n.Language;

/**
 * Cell values to the registry's values, compared folded ({@link TextFolding}): every enum by its
 * name, its label in each UI language (from the message bundles, so a file typed from the form's
 * own lists always maps) and common abbreviations; municipalities and countries by code and by
 * name in each language ("Prishtinë", "Prishtina" and "Priština" are PRI).
 */
final class ValueMaps {

    private static final Map<Sex, List<String>> SEX = Map.of(
            Sex.FEMALE, List.of("f", "female", "woman", "femer", "femre", "grua", "z", "zensko", "zenski", "zena", "zh"),
            Sex.MALE, List.of("m", "male", "man", "mashkull", "burre", "musko", "muski", "muskarac"),
            Sex.OTHER, List.of("other", "tjeter", "drugo", "x"));
    private static final Map<Community, List<String>> COMMUNITY = Map.of(
            Community.ALBANIAN, List.of("albanian", "shqiptare", "shqiptar", "albanac", "albanka", "albanska", "k albanian"),
            Community.SERB, List.of("serbian", "serbe", "srpska", "srpski", "srbin", "srpkinja", "k serb"),
            Community.ROMA, List.of("rome", "romi", "romska", "romkinja"),
            Community.ASHKALI, List.of("ashkalli", "ashkalie", "askalija", "askalije", "askali"),
            Community.EGYPTIAN, List.of("egjiptiane", "egipcanin", "egipcanka", "egipcani", "egipatska"),
            Community.BOSNIAK, List.of("boshnjake", "bosnjak", "bosnjakinja", "bosnjacka", "bosnian"),
            Community.GORANI, List.of("goran", "goranci", "goranska", "goranac"),
            Community.TURKISH, List.of("turk", "turke", "turcin", "turska", "turkinja"),
            Community.OTHER, List.of("tjeter", "drugo", "ostali", "other"));
    private static final Map<PopulationGroup, List<String>> GROUP = Map.of(
            PopulationGroup.ASYLUM_SEEKER, List.of("asylum seeker", "azilkerkues", "kerkues azili", "trazilac azila", "as"),
            PopulationGroup.REFUGEE, List.of("refugjat", "refugjate", "izbeglica", "izbjeglica"),
            PopulationGroup.IDP, List.of("idp", "pzhbv", "pzhv", "irl", "rl", "raseljeno lice", "interno raseljeno lice",
                    "person i zhvendosur", "i zhvendosur"),
            PopulationGroup.RETURNEE, List.of("returnee", "i kthyer", "e kthyer", "povratnik", "povratnica"),
            PopulationGroup.AT_RISK_OF_STATELESSNESS, List.of("at risk of statelessness", "rrezik pashtetesie", "rizik od apatridije"),
            PopulationGroup.STATELESS, List.of("stateless", "pa shtetesi", "apatrid", "bez drzavljanstva"));
    private static final Map<CitizenshipStatus, List<String>> CITIZENSHIP = Map.of(
            CitizenshipStatus.STATELESS, List.of("stateless", "pa shtetesi", "apatrid", "bez drzavljanstva"),
            CitizenshipStatus.UNDETERMINED, List.of("unknown", "undetermined", "e panjohur", "nepoznato"),
            CitizenshipStatus.COUNTRY, List.of("citizen", "national", "shtetas", "drzavljanin"));
    private static final Map<DisplacementPlace, List<String>> DISPLACEMENT = Map.of(
            DisplacementPlace.WITHIN_KOSOVO, List.of("kosovo", "kosova", "kosove", "within kosovo"),
            DisplacementPlace.SERBIA, List.of("serbia", "serbi", "serbia", "srbija"),
            DisplacementPlace.MONTENEGRO, List.of("montenegro", "mal i zi", "crna gora"),
            DisplacementPlace.NORTH_MACEDONIA, List.of("macedonia", "north macedonia", "maqedoni", "maqedonia", "makedonija"),
            DisplacementPlace.OTHER, List.of("other", "tjeter", "drugo"));

    private final Map<String, Sex> sex;
    private final Map<String, Community> community;
    private final Map<String, PopulationGroup> group;
    private final Map<String, CitizenshipStatus> citizenship;
    private final Map<String, DisplacementPlace> displacement;
    private final Map<String, String> municipality;
    private final Map<String, String> country;

    /** {@code municipalities} and {@code countries}: the reference lists in each UI language. */
    ValueMaps(Map<Language, List<ReferenceItem>> municipalities, Map<Language, List<ReferenceItem>> countries) {
        this.sex = enumMap(Sex.values(), Sex::messageKey, SEX);
        this.community = enumMap(Community.values(), Community::messageKey, COMMUNITY);
        this.group = enumMap(PopulationGroup.values(), PopulationGroup::messageKey, GROUP);
        this.citizenship = enumMap(CitizenshipStatus.values(), CitizenshipStatus::messageKey, CITIZENSHIP);
        this.displacement = enumMap(DisplacementPlace.values(), DisplacementPlace::messageKey, DISPLACEMENT);
        this.municipality = referenceMap(municipalities);
        this.country = referenceMap(countries);
    }

    Optional<Sex> sex(String value) {
        return find(sex, value);
    }

    Optional<Community> community(String value) {
        return find(community, value);
    }

    Optional<PopulationGroup> group(String value) {
        return find(group, value);
    }

    Optional<CitizenshipStatus> citizenship(String value) {
        return find(citizenship, value);
    }

    Optional<DisplacementPlace> displacement(String value) {
        return find(displacement, value);
    }

    /** Municipality code for a code or a name in any UI language. */
    Optional<String> municipality(String value) {
        return find(municipality, value);
    }

    /** Country code (ISO) for a code or a name in any UI language. */
    Optional<String> country(String value) {
        return find(country, value);
    }

    static <T> Optional<T> find(Map<String, T> map, String value) {
        String folded = TextFolding.fold(value);
        T exact = map.get(folded);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(map.get(loose(folded)));
    }

    static <E extends Enum<E>> Map<String, E> enumMap(E[] values, Function<E, String> messageKey, Map<E, List<String>> extra) {
        Map<String, E> map = new HashMap<>();
        for (E value : values) {
            put(map, value.name(), value);
            put(map, value.name().replace('_', ' '), value);
            for (Language language : Language.values()) {
                String label = AppI18NProvider.text(language.locale(), messageKey.apply(value));
                put(map, label, value);
                // "Tjetër / nuk është deklaruar", "Person i zhvendosur brenda vendit (PZHBV)": each part too.
                for (String part : label.split("[/()]")) {
                    put(map, part, value);
                }
            }
            extra.getOrDefault(value, List.of()).forEach(s -> put(map, s, value));
        }
        return map;
    }

    private static Map<String, String> referenceMap(Map<Language, List<ReferenceItem>> lists) {
        Map<String, String> map = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        lists.values().forEach(list -> list.forEach(item -> {
            map.put(TextFolding.fold(item.code()), item.code());
            map.put(TextFolding.fold(item.name()), item.code());
        }));
        // Loose keys ("prishtin" for Prishtinë/Prishtina/Priština) only where they name one place.
        Map<String, String> loose = new HashMap<>();
        lists.values().forEach(list -> list.forEach(item -> {
            String key = loose(TextFolding.fold(item.name()));
            String before = loose.putIfAbsent(key, item.code());
            if (before != null && !before.equals(item.code())) {
                ambiguous.add(key);
            }
        }));
        ambiguous.forEach(loose::remove);
        loose.forEach(map::putIfAbsent);
        return map;
    }

    private static <E> void put(Map<String, E> map, String text, E value) {
        String folded = TextFolding.fold(text);
        if (!folded.isEmpty()) {
            map.putIfAbsent(folded, value);
            map.putIfAbsent(loose(folded), value);
        }
    }

    /** Albanian definite/indefinite endings and Serbian case endings off each word's end. */
    private static String loose(String folded) {
        StringBuilder out = new StringBuilder();
        for (String word : folded.split(" ")) {
            String w = word.length() > 3 ? word.replaceAll("[aei]$", "") : word;
            out.append(out.isEmpty() ? "" : " ").append(w);
        }
        return out.toString();
    }
}
