package dev.keyway.connections.crypto;

/**
 * A ciphertext failed authentication: it was altered, or copied to a row it does not belong to,
 * or sealed under a key this store no longer has.
 */
public class TamperedException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public TamperedException(String format, Object... args) {
        super(format, args);
    }

    public TamperedException(Throwable cause, String format, Object... args) {
        super(cause, format, args);
    }
}
