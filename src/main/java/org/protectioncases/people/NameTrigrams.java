package org.protectioncases.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The duplicate rule among the rows of one file, in memory: pg_trgm's {@code similarity()} over
 * names already folded by {@code pc_fold} (which leaves only a-z, 0-9 and single spaces), with the
 * same birth-year rule and order as the registry check. Why not in SQL: every row shares its given
 * name's trigrams with a tenth of the file, so a trigram index hands each row hundreds of rows to
 * recheck (10,000 rows: 23 s at load 14; 50,000: minutes, docs/benchmarks.md "Session 11"). Here each
 * row looks only at the rows sharing one of its rarest trigrams (a match must share at least
 * threshold x its trigrams, so one of those), then computes the similarity exactly as pg_trgm does
 * ({@code PersonBulkServiceIT} compares the two on Cyrillic, diacritic and misspelt variants).
 */
final class NameTrigrams {

    private NameTrigrams() {
    }

    /**
     * pg_trgm's trigrams of a folded name as sorted, distinct ids: each word (a run of letters and
     * digits) padded with two spaces before and one after, every three consecutive characters.
     */
    static int[] trigrams(String folded, Map<String, Integer> ids) {
        List<Integer> found = new ArrayList<>();
        for (String word : folded.split("[^a-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int k = 0; k + 3 <= padded.length(); k++) {
                found.add(ids.computeIfAbsent(padded.substring(k, k + 3), t -> ids.size()));
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    /** pg_trgm's similarity: shared trigrams over all distinct trigrams of both, as a {@code real}. */
    static float similarity(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0f;
        }
        int common = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (float) common / (float) (a.length + b.length - common);
    }

    /**
     * For each name, the earlier names (by index) within the threshold whose birth year is within a
     * year of its own (either unknown: any), best first then earliest, at most {@code limit}.
     */
    static List<List<Integer>> similarEarlier(List<String> folded, List<@Nullable Integer> years, double threshold, int limit) {
        int n = folded.size();
        Map<String, Integer> ids = new HashMap<>();
        int[][] sets = new int[n][];
        for (int i = 0; i < n; i++) {
            sets[i] = trigrams(folded.get(i), ids);
        }
        // How often each trigram occurs in the file: a row is looked up by its rarest ones.
        int[] frequency = new int[ids.size()];
        for (int[] set : sets) {
            for (int t : set) {
                frequency[t]++;
            }
        }
        int[][] postings = new int[ids.size()][];
        int[] postingSize = new int[ids.size()];
        int[] seenBy = new int[n];
        Arrays.fill(seenBy, -1);
        List<List<Integer>> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] set = sets[i];
            Integer year = years.get(i);
            List<long[]> matches = new ArrayList<>();
            if (set.length > 0) {
                // A match shares at least threshold x |set| trigrams (similarity <= shared / |set|), so at
                // least one of the |set| - that + 1 rarest. The small margin only lengthens the prefix,
                // which keeps float rounding of the threshold on the safe side.
                int needed = Math.max(1, (int) Math.ceil(threshold * set.length - 1e-3));
                int[] rarest = Arrays.stream(set).boxed().sorted((x, y) -> Integer.compare(frequency[x], frequency[y]))
                        .limit(set.length - needed + 1L).mapToInt(Integer::intValue).toArray();
                for (int t : rarest) {
                    int[] list = postings[t];
                    for (int p = 0; p < postingSize[t]; p++) {
                        int j = list[p];
                        if (seenBy[j] == i) {
                            continue;
                        }
                        seenBy[j] = i;
                        Integer other = years.get(j);
                        if (year != null && other != null && Math.abs(other - year) > 1) {
                            continue;
                        }
                        float score = similarity(set, sets[j]);
                        if (score >= threshold) {
                            matches.add(new long[] {Float.floatToIntBits(score), j});
                        }
                    }
                }
            }
            matches.sort((x, y) -> {
                int byScore = Float.compare(Float.intBitsToFloat((int) y[0]), Float.intBitsToFloat((int) x[0]));
                return byScore != 0 ? byScore : Long.compare(x[1], y[1]);
            });
            result.add(matches.stream().limit(limit).map(m -> (int) m[1]).toList());
            // Only earlier rows are ever compared: index this row after looking it up.
            for (int t : set) {
                if (postings[t] == null) {
                    postings[t] = new int[Math.min(frequency[t], 16)];
                } else if (postingSize[t] == postings[t].length) {
                    postings[t] = Arrays.copyOf(postings[t], Math.min(frequency[t], postings[t].length * 2));
                }
                postings[t][postingSize[t]++] = i;
            }
        }
        return result;
    }
}
