package dev.sessionkit.store.jdbc;

import dev.sessionkit.store.SessionMeta;
import dev.sessionkit.store.SessionRecord;
import io.micronaut.core.annotation.Nullable;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few PostgreSQL protocol messages the loops' read connections use (protocol 3.0): the
 * startup, the password and SASL answers, the batch read as Parse, Bind, Execute and Sync, and
 * the rows, errors and SASL lists that come back. Values go both ways in binary: ids out as a
 * {@code text[]}, times back as microseconds since 2000-01-01 UTC.
 */
final class WireMessages {

    /** The batch read's name on its connection, prepared once there. */
    static final String STATEMENT = "sessionkit_read";

    private static final int PROTOCOL_3_0 = 196_608;
    private static final long PG_EPOCH_MILLIS = 946_684_800_000L;
    private static final int TEXT_ARRAY_OID = 1009;
    private static final int TEXT_OID = 25;

    private WireMessages() {}

    static void startup(ByteBuf out, Map<String, String> parameters) {
        out.writeInt(0).writeInt(PROTOCOL_3_0);
        parameters.forEach((name, value) -> cstring(cstring(out, name), value));
        out.writeByte(0);
        out.setInt(0, out.writerIndex());
    }

    /** A PasswordMessage: the password in clear or as PostgreSQL's MD5 answer. */
    static void password(ByteBuf out, String password) {
        int start = begin(out, 'p');
        cstring(out, password);
        end(out, start);
    }

    /** A SASLInitialResponse when {@code mechanism} is set, else a SASLResponse. */
    static void sasl(ByteBuf out, @Nullable String mechanism, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int start = begin(out, 'p');
        if (mechanism != null) {
            cstring(out, mechanism).writeInt(bytes.length);
        }
        out.writeBytes(bytes);
        end(out, start);
    }

    /**
     * One batch read: Parse first when the statement is not prepared yet, then Bind, Execute and
     * Sync, so PostgreSQL answers it as one unit, and an error in it fails this batch alone.
     */
    static void batch(ByteBuf out, byte @Nullable [] parse, List<LoopReads.Read> reads) {
        int start;
        if (parse != null) {
            start = begin(out, 'P');
            cstring(out, STATEMENT).writeBytes(parse).writeByte(0);
            out.writeShort(1).writeInt(TEXT_ARRAY_OID);
            end(out, start);
        }
        start = begin(out, 'B');
        cstring(out.writeByte(0), STATEMENT).writeShort(1).writeShort(1).writeShort(1);
        int array = out.writerIndex();
        out.writeInt(0)
                .writeInt(1)
                .writeInt(0)
                .writeInt(TEXT_OID)
                .writeInt(reads.size())
                .writeInt(1);
        for (LoopReads.Read read : reads) {
            int length = out.writerIndex();
            out.writeInt(0);
            out.setInt(length, out.writeCharSequence(read.key(), StandardCharsets.UTF_8));
        }
        out.setInt(array, out.writerIndex() - array - 4);
        out.writeShort(1).writeShort(1);
        end(out, start);
        start = begin(out, 'E');
        out.writeByte(0).writeInt(0);
        end(out, start);
        out.writeByte('S').writeInt(4);
    }

    /**
     * @param in a DataRow of {@link PostgresSessionSql#loadBatch()}, after its header
     * @param rows decodes the fields column
     * @param batch what the row answers, which keeps the session unless it has expired
     */
    static void row(ByteBuf in, SessionRows rows, ReadBatch batch) {
        in.skipBytes(2);
        long created = time(in);
        long updated = time(in);
        long idle = time(in);
        long absolute = time(in);
        String user = text(in);
        String ip = text(in);
        String userAgent = text(in);
        String label = text(in);
        long signedIn = in.getInt(in.readerIndex()) < 0 ? skipNull(in) : time(in);
        String signInMeta = text(in);
        String fields = text(in);
        String id = text(in);
        long expires = time(in);
        SessionMeta meta =
                new SessionMeta(created, updated, idle, absolute, user, ip, userAgent, label, signedIn, signInMeta);
        batch.found(id, new SessionRecord(meta, rows.fields(fields == null ? "{}" : fields)), expires);
    }

    /** @return the SASL mechanisms the server offers */
    static List<String> mechanisms(ByteBuf in) {
        List<String> names = new ArrayList<>();
        String name;
        while (!(name = cstring(in)).isEmpty()) {
            names.add(name);
        }
        return names;
    }

    /** @return an ErrorResponse's message and SQLSTATE */
    static String error(ByteBuf in) {
        Map<Character, String> fields = new HashMap<>();
        byte code;
        while (in.isReadable() && (code = in.readByte()) != 0) {
            fields.put((char) code, cstring(in));
        }
        return fields.getOrDefault('M', "an error") + " (SQLSTATE " + fields.getOrDefault('C', "?") + ")";
    }

    private static long skipNull(ByteBuf in) {
        in.skipBytes(4);
        return 0;
    }

    private static long time(ByteBuf in) {
        if (in.readInt() != 8) {
            throw new IllegalStateException("a timestamp column is not eight bytes");
        }
        return Math.floorDiv(in.readLong(), 1000) + PG_EPOCH_MILLIS;
    }

    private static @Nullable String text(ByteBuf in) {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        String text = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return text;
    }

    private static String cstring(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        String text = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(end + 1);
        return text;
    }

    private static ByteBuf cstring(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.UTF_8);
        return out.writeByte(0);
    }

    private static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int start = out.writerIndex();
        out.writeInt(0);
        return start;
    }

    private static void end(ByteBuf out, int start) {
        out.setInt(start, out.writerIndex() - start);
    }
}
