package org.protectioncases.shared.db;

import java.lang.reflect.Type;
import org.hibernate.type.format.AbstractJsonFormatMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Hibernate reads and writes JSON columns ({@code @JdbcTypeCode(SqlTypes.JSON)}), set by
 * {@code hibernate.type.json_format_mapper} in application.properties: Jackson 3, the Jackson of
 * Boot 4. Left alone, Hibernate 7.2 takes Jackson 2, which is on the class path only as another
 * library's dependency and writes dates as number arrays. Its own mapper, not Boot's web one, so
 * that a {@code spring.jackson.*} setting never changes what is stored.
 */
public final class JsonColumnMapper extends AbstractJsonFormatMapper {

    /** Jackson 3's defaults: dates as ISO text ("2026-01-15"), unknown properties refused. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Public (Hibernate calls them through the superclass) so tests can check what a column holds.
    @Override
    public <T> T fromString(CharSequence text, Type type) {
        return JSON.readValue(text.toString(), JSON.constructType(type));
    }

    @Override
    public <T> String toString(T value, Type type) {
        return JSON.writerFor(JSON.constructType(type)).writeValueAsString(value);
    }
}
