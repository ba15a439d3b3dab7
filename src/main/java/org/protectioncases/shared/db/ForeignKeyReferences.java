package org.protectioncases.shared.db;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which rows of a table a row of another table refers to, found through the foreign keys in the
 * catalogue, so that an undo of imported records sees links from any module (even ones added later).
 */
public final class ForeignKeyReferences {

    private ForeignKeyReferences() {
    }

    /**
     * The ids among {@code ids} of {@code table} that some foreign key refers to.
     *
     * @param own the referencing columns to ignore, as {@code table.column} (the record's own parts, deleted with it)
     */
    public static Set<Long> referenced(JdbcClient jdbc, String table, Set<String> own, Collection<Long> ids) {
        List<String[]> references = jdbc.sql("""
                        select c.conrelid::regclass::text, a.attname from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
                        where c.contype = 'f' and c.confrelid = cast(:table as regclass)""")
                .param("table", table)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        Set<Long> linked = new HashSet<>();
        Long[] array = ids.toArray(Long[]::new);
        for (String[] ref : references) {
            if (own.contains(ref[0] + "." + ref[1])) {
                continue;
            }
            // Table and column names come from the catalogue, quoted; never from input.
            linked.addAll(jdbc.sql("select distinct " + quote(ref[1]) + " from " + quote(ref[0]) + " where " + quote(ref[1]) + " = any(:ids)")
                    .param("ids", array).query(Long.class).list());
        }
        return linked;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
