package io.hallmark.core.provenance;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Encodes values as CBOR (RFC 8949) with Jackson's CBOR generator, always with definite lengths and the shortest
 * integer forms, so the same value gives the same bytes: maps (text or integer keys, in the map's order), lists,
 * text, byte strings, integers, booleans, null and tagged values.
 */
final class Cbor {

    /** A CBOR tag around a value (COSE_Sign1 is tag 18). */
    record Tagged(int tag, Object value) {}

    private static final CBORFactory FACTORY = new CBORFactory();

    private Cbor() {}

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case Tagged t -> {
                g.writeTag(t.tag());
                write(g, t.value());
            }
            case Map<?, ?> map -> {
                g.writeStartObject(map, map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    switch (e.getKey()) {
                        case String s -> g.writeFieldName(s);
                        case Number n -> g.writeFieldId(n.longValue());
                        default -> throw new IllegalArgumentException("CBOR map key must be text or an integer: "
                                + e.getKey());
                    }
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case List<?> list -> {
                g.writeStartArray(list, list.size());
                for (Object item : list) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case byte[] bytes -> g.writeBinary(bytes);
            case String s -> g.writeString(s);
            case Integer i -> g.writeNumber(i.intValue());
            case Long l -> g.writeNumber(l.longValue());
            case Boolean b -> g.writeBoolean(b);
            case Short n -> g.writeNumber(n.intValue());
            case Byte n -> g.writeNumber(n.intValue());
            case java.math.BigInteger n -> g.writeNumber(n);
            case Number n -> g.writeNumber(n.doubleValue());
            default -> throw new IllegalArgumentException("No CBOR form for " + value.getClass().getName());
        }
    }
}
