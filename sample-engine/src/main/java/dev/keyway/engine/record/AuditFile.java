package dev.keyway.engine.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * The append-only audit trail, one JSON object per line, kept open between executions: opening and
 * closing the file for every line cost more than the write itself. Every {@link #CHECK_EVERY} the
 * file at the path is checked to still be the one held open, so a trail moved aside by log rotation
 * gets a fresh file (lines written in between land in the moved one, as with any logger), and a
 * deleted one is created again; lines written between a deletion and the next check go with the
 * deleted file. Where the file system gives no file key to compare, the file is reopened at every
 * check instead. Thread-safe.
 */
final class AuditFile implements AutoCloseable {

    /** How often the path is checked; a check per line (a stat call) cost a third of the append. */
    static final Duration CHECK_EVERY = Duration.ofMillis(250);

    private final Path file;
    private final long checkEveryNanos;
    private FileChannel channel;
    private Object openedKey;
    private long checkedAt;

    AuditFile(Path file) {
        this(file, CHECK_EVERY);
    }

    AuditFile(Path file, Duration checkEvery) {
        this.file = file;
        this.checkEveryNanos = checkEvery.toNanos();
    }

    Path path() {
        return file;
    }

    /** Appends one entry as one line in one write; no line is ever rewritten. */
    synchronized void append(AuditEntry entry) {
        ByteBuffer line = ByteBuffer.wrap(line(entry).getBytes(StandardCharsets.UTF_8));
        try {
            FileChannel out = current();
            while (line.hasRemaining()) {
                out.write(line);
            }
        } catch (IOException e) {
            close();
            throw new RecordStoreException(e, "could not append to the audit file %s (%s); check that the folder is "
                    + "writable and the disk is not full", file, e.getClass().getSimpleName());
        }
    }

    /** The channel to write to, reopened when the path no longer names the file held open. */
    private FileChannel current() throws IOException {
        long now = System.nanoTime();
        if (channel != null && now - checkedAt < checkEveryNanos) {
            return channel;
        }
        if (channel != null && openedKey != null && Objects.equals(keyAtPath(), openedKey)) {
            checkedAt = now;
            return channel;
        }
        close();
        Files.createDirectories(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        openedKey = keyAtPath();
        checkedAt = now;
        return channel;
    }

    private Object keyAtPath() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The entry as one JSON line, null fields left out as the engine's JSON leaves them out; written
     * by hand since this runs once per execution.
     */
    static String line(AuditEntry entry) {
        StringBuilder out = new StringBuilder(160).append('{');
        field(out, "id", entry.id());
        field(out, "patternId", entry.patternId());
        field(out, "user", entry.user());
        field(out, "workspace", entry.workspace());
        field(out, "status", entry.status() == null ? null : entry.status().id());
        field(out, "at", entry.at() == null ? null : UtcText.iso(entry.at()));
        return out.append("}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        if (out.length() > 1) {
            out.append(',');
        }
        out.append('"').append(name).append("\":\"")
                .append(plain(value) ? value : JsonEscapes.escape(value, false, false, true)).append('"');
    }

    /** Ids, names and times rarely hold anything JSON escapes. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Every line was written with its own write(); nothing is buffered here.
            }
            channel = null;
            openedKey = null;
        }
    }
}
