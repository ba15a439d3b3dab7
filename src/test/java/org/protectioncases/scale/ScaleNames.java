package org.protectioncases.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Name pools for generated people: the demo's {@code names.csv} (roots with the spellings partners
 * actually write) plus more common Kosovo names, each root extended with rule-made spelling
 * variants (ë/e, ç/c, š/s/sh, ž/z/zh, đ/dj/gj, ć/c/q, doubled letters), Latin script only. A root's
 * first spelling is the usual one; the generator picks it most of the time and a variant otherwise,
 * so the fuzzy search and the duplicate check meet the spread of spellings real registers have.
 */
final class ScaleNames {

    /** Spellings per root in the SQL arrays (2-D arrays need equal lengths: short roots repeat their usual spelling). */
    static final int WIDTH = 4;

    /** Pools by key "community/kind/sex" (kind given|family, sex F|M|-), roots in order of popularity. */
    private final Map<String, List<List<String>>> pools = new LinkedHashMap<>();

    private ScaleNames() {
    }

    static ScaleNames load() {
        ScaleNames names = new ScaleNames();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ScaleNames.class.getResourceAsStream("/demo/names.csv")), StandardCharsets.UTF_8))) {
            in.lines().skip(1).map(l -> l.split(",", 4)).filter(c -> c.length == 4)
                    .forEach(c -> names.add(c[1], c[0], c[0].equals("family") ? "-" : c[2], List.of(c[3].split("\\|"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EXTRA.forEach((key, roots) -> {
            String[] k = key.split("/");
            for (String root : roots.split(" ")) {
                names.add(k[0], k[1], k[2], List.of(root));
            }
        });
        return names;
    }

    private void add(String community, String kind, String sex, List<String> spellings) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : spellings) {
            if (s.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC)) {
                all.add(s.strip());
            }
        }
        if (all.isEmpty()) {
            return;
        }
        for (String s : List.copyOf(all)) {
            all.addAll(variants(s));
        }
        List<String> root = new ArrayList<>(all);
        List<List<String>> pool = pools.computeIfAbsent(community + "/" + kind + "/" + sex, k -> new ArrayList<>());
        if (pool.stream().noneMatch(r -> r.getFirst().equals(root.getFirst()))) {
            pool.add(root);
        }
    }

    /** Spellings a clerk might write for {@code name} in the other language's orthography or without diacritics. */
    static List<String> variants(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name.replace("ë", "e").replace("Ë", "E").replace("ç", "c").replace("Ç", "C"));
        out.add(name.replace("sh", "š").replace("Sh", "Š").replace("zh", "ž").replace("Zh", "Ž").replace("xh", "dž")
                .replace("Xh", "Dž").replace("gj", "đ").replace("Gj", "Đ").replace("q", "ć").replace("Q", "Ć").replace("ë", "e"));
        out.add(name.replace("š", "sh").replace("Š", "Sh").replace("ž", "zh").replace("Ž", "Zh").replace("đ", "gj")
                .replace("Đ", "Gj").replace("ć", "q").replace("č", "ç"));
        out.add(name.replace("š", "s").replace("Š", "S").replace("ž", "z").replace("Ž", "Z").replace("đ", "dj")
                .replace("Đ", "Dj").replace("ć", "c").replace("č", "c").replace("Č", "C").replace("Ć", "C"));
        out.add(name.replaceFirst("([lr])([aeiouy])", "$1$1$2"));
        out.add(name.replace("ll", "l").replace("rr", "r"));
        out.remove(name);
        return List.copyOf(out);
    }

    /**
     * An SQL expression choosing a name for a row: {@code communityExpr} picks the pool, {@code rootPick}
     * (0..999, skewed by squaring so that the first roots are the common ones) the root, and
     * {@code spellingPick} (1..WIDTH) the spelling.
     */
    String pick(String kind, String sex, String communityExpr, String rootPick, String spellingPick) {
        StringBuilder sql = new StringBuilder("(case ").append(communityExpr);
        for (String community : communities()) {
            List<List<String>> roots = pool(community, kind, sex);
            sql.append(" when '").append(community).append("' then (").append(arrayLiteral(roots)).append(")[(1 + ((")
                    .append(rootPick).append(") * (").append(rootPick).append(") * ").append(roots.size())
                    .append("::bigint / 1000000))::int][").append(spellingPick).append("]");
        }
        return sql.append(" end)").toString();
    }

    /** Communities that have names of their own; the rest (OTHER) use the pool of foreign names. */
    static List<String> communities() {
        return List.of("ALBANIAN", "SERB", "ROMA", "ASHKALI", "EGYPTIAN", "BOSNIAK", "GORANI", "TURKISH", "OTHER");
    }

    List<List<String>> pool(String community, String kind, String sex) {
        List<List<String>> pool = pools.get(community + "/" + kind + "/" + sex);
        if (pool == null || pool.isEmpty()) {
            throw new IllegalStateException("No names for " + community + "/" + kind + "/" + sex);
        }
        return pool;
    }

    int distinctSpellings() {
        return (int) pools.values().stream().flatMap(List::stream).flatMap(List::stream).distinct().count();
    }

    private static String arrayLiteral(List<List<String>> roots) {
        return roots.stream().map(r -> {
            List<String> row = new ArrayList<>(r.subList(0, Math.min(WIDTH, r.size())));
            // Usual spelling twice as often as each variant when padding is needed.
            while (row.size() < WIDTH) {
                row.add(r.getFirst());
            }
            return row.stream().map(s -> "\"" + s.replace("'", "''").replace("\"", "") + "\"").collect(Collectors.joining(",", "{", "}"));
        }).collect(Collectors.joining(",", "'{", "}'::text[]"));
    }

    /** More common names (one usual spelling each; variants come from the rules), beyond the demo's list. */
    private static final Map<String, String> EXTRA = Map.ofEntries(
            Map.entry("ALBANIAN/given/M", "Arbnor Arianit Blerim Burim Driton Fatos Fisnik Gazmend Granit Ilir Kushtrim Labinot Leutrim "
                    + "Liridon Lulzim Mentor Mërgim Rinor Shkëlzen Valon Visar Ylber Agron Bekim Besnik Dardan Edon Faton Hysen Jeton "
                    + "Kastriot Lavdim Milot Naim Osman Përparim Qamil Rrahman Sabri Skender Xhevdet Ymer Zenel"),
            Map.entry("ALBANIAN/given/F", "Njomza Albana Arbëresha Blerina Diellza Elira Fjolla Gentiana Hana Ilirjana Jehona Kaltrina "
                    + "Lindita Liridona Merita Nora Vesa Rina Sihana Teuta Valdete Vlora Yllka Zanfina Ajshe Bukurije Dafina Emine "
                    + "Fexhrije Hajrije Kimete Lumturije Nexhmije Sabije Shefkije Xhemile Zejnepe"),
            Map.entry("ALBANIAN/family/-", "Morina Hasani Rama Kastrati Hoti Ahmeti Bajrami Aliu Osmani Berisha Sahiti Mustafa Shabani "
                    + "Kqiku Ramadani Salihu Hamiti Mazreku Pllana Gjonbalaj Krasniqi Veseli Syla Bislimi Mulaku Rexha Dema Sopjani "
                    + "Nimani Ukshini Blakaj Gjergjaj Hajdari Kadriu Llapashtica Mehmetaj Nuhiu Pacolli Rugova Tahiri Vllasaliu Zeka"),
            Map.entry("SERB/given/M", "Aleksandar Bojan Dalibor Goran Ivan Jovan Lazar Marko Milan Miloš Nebojša Predrag Radovan Siniša "
                    + "Srđan Stefan Uroš Vladimir Zoran Živojin Dušan Đorđe Branislav Dragan Nikola"),
            Map.entry("SERB/given/F", "Ana Biljana Dragana Gordana Ivana Jelena Katarina Ljiljana Marija Milena Nataša Olivera Radmila "
                    + "Slavica Snežana Svetlana Tijana Vesna Zorica Živana Mirjana Jasmina"),
            Map.entry("SERB/family/-", "Ilić Kostić Lazić Marković Milošević Nikolić Pavlović Radovanović Simić Stanković Stojanović "
                    + "Todorović Vasić Živković Đurić Milenković Mitić Perić Savić Trajković Denić Arsić Božović Dimić"),
            Map.entry("OTHER/given/F", "Fatima Aisha Mariam Zainab Leila Samira Nour Amina Huda Rana Yasmin Salma Dina Hala"),
            Map.entry("OTHER/given/M", "Ahmad Mohammed Omar Ali Hassan Yusuf Karim Rahim Tariq Bilal Khaled Farid Samir Walid Idris"),
            Map.entry("OTHER/family/-", "Al-Hassan Haidari Rahimi Benali Mansour Karimi Saleh Hamdan Nouri Aziz Sultani Qasemi Bouazza "
                    + "Jaber Hussaini Ahmadi Mirzaei Khalil Darwish"));
}
