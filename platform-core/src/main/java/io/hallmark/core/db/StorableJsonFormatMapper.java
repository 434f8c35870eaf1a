package io.hallmark.core.db;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * Hibernate's Jackson mapping for JSON columns, with what it writes passed through {@link JsonbText#storable} so
 * that no entity (a governance report quoting evidence, content metadata) can carry a NUL into {@code jsonb}.
 */
final class StorableJsonFormatMapper implements FormatMapper {

    private final JacksonJsonFormatMapper jackson = new JacksonJsonFormatMapper();

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return JsonbText.storable(jackson.toString(value, type, options));
    }
}
