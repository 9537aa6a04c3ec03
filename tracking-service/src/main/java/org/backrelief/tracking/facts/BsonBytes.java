package org.backrelief.tracking.facts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One BSON document written straight into a byte array, for the facts the tracker stores on every event.
 * <p>
 * Why not the driver's {@code BsonWriter}: on the insert path every field went through three writer decorators (one
 * allocating two lambdas per field to look for {@code _id}) and every field name was encoded character by character.
 * On the services' C1-only JIT that was about a third of the tracker's CPU per event (a JFR profile of a medium
 * bench run: 56 of 170 ingest samples; BENCHMARKS.md, "Tracker CPU per event"). Here field names are encoded once
 * ({@link #name}), values with {@link String#getBytes}, and the driver copies the finished document as it is
 * ({@code BsonWriter#pipe}, as for a {@code RawBsonDocument}).
 * <p>
 * Only the types the facts use: string, int32, UTC datetime, embedded document and array, as the BSON spec
 * (bsonspec.org) lays them out, little-endian. {@code FactDocumentsTest} checks the bytes against the driver's own
 * encoding of the same document.
 */
final class BsonBytes {

    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte DATE_TIME = 0x09;
    private static final byte INT32 = 0x10;
    /** Array keys "0", "1", ... encoded once; a session holds a dozen exercises or so. */
    private static final byte[][] INDEXES = new byte[64][];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = name(Integer.toString(i));
        }
    }

    private byte[] bytes;
    private int size;
    /** Where each open document starts (its length is filled in when it ends). */
    private final int[] open = new int[8];
    private int depth;

    BsonBytes(int expectedSize) {
        bytes = new byte[Math.max(expectedSize, 16)];
    }

    /** A field name as BSON writes it: UTF-8 and a terminating zero. Names never contain a zero character. */
    static byte[] name(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a BSON field name cannot contain a zero character: " + name);
        }
        byte[] utf8 = name.getBytes(UTF_8);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    /** Opens the top-level document. */
    BsonBytes startDocument() {
        ensure(4);
        open[depth++] = size;
        size += 4; // the length, filled in by endDocument
        return this;
    }

    BsonBytes startDocument(byte[] name) {
        element(DOCUMENT, name);
        return startDocument();
    }

    /** An array is a document whose keys are "0", "1", ...: see {@link #index}. */
    BsonBytes startArray(byte[] name) {
        element(ARRAY, name);
        return startDocument();
    }

    BsonBytes endDocument() {
        ensure(1);
        bytes[size++] = 0;
        int start = open[--depth];
        putInt(start, size - start);
        return this;
    }

    /** The key of the {@code i}-th element of an array. */
    static byte[] index(int i) {
        return i < INDEXES.length ? INDEXES[i] : name(Integer.toString(i));
    }

    /**
     * A string as UTF-8, its length counting the terminating zero. An unpaired surrogate becomes '?', as
     * {@link String#getBytes} encodes it: never the invalid UTF-8 a real MongoDB would refuse.
     */
    BsonBytes string(byte[] name, String value) {
        byte[] utf8 = value.getBytes(UTF_8);
        element(STRING, name);
        ensure(utf8.length + 5);
        putInt(size, utf8.length + 1);
        System.arraycopy(utf8, 0, bytes, size + 4, utf8.length);
        size += utf8.length + 4;
        bytes[size++] = 0;
        return this;
    }

    BsonBytes int32(byte[] name, int value) {
        element(INT32, name);
        ensure(4);
        putInt(size, value);
        size += 4;
        return this;
    }

    /** Milliseconds since the epoch, UTC. */
    BsonBytes dateTime(byte[] name, long millis) {
        element(DATE_TIME, name);
        ensure(8);
        putInt(size, (int) millis);
        putInt(size + 4, (int) (millis >>> 32));
        size += 8;
        return this;
    }

    /** The finished document (every document closed), for a {@code BsonBinaryReader}. */
    ByteBuffer toByteBuffer() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " document(s) still open");
        }
        return ByteBuffer.wrap(bytes, 0, size);
    }

    private void element(byte type, byte[] name) {
        ensure(1 + name.length);
        bytes[size++] = type;
        System.arraycopy(name, 0, bytes, size, name.length);
        size += name.length;
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
