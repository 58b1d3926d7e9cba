package dev.keyway.connections.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/** Reads a response body, stopping as soon as it grows beyond the limit. */
final class BoundedBody {

    /** Bodies up to this size with a declared length are read straight into their own array. */
    private static final int SMALL = 64 * 1024;

    private BoundedBody() {
    }

    /** Thrown when a body is larger than allowed; the caller aborts the connection. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("response body too large");
        }
    }

    static byte[] read(HttpEntity entity, long max) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > max) {
            throw new TooLargeException();
        }
        // Not closed here: closing a half-read stream drains the rest. The caller cancels the
        // exchange on failure (dropping the connection) and closes the response on success.
        InputStream in = entity.getContent();
        if (declared >= 0 && declared <= SMALL) {
            // The common small answer with a length: one array of its size, no growing buffer.
            byte[] body = in.readNBytes((int) declared);
            // One more read sees the end of the body, which is what hands the connection back to
            // the pool for reuse (the length-delimited stream never reads past the declared length).
            in.read();
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                throw new TooLargeException();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
