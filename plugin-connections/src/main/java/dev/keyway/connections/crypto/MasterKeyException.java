package dev.keyway.connections.crypto;

/** The master key is missing, malformed, or does not open this store. */
public class MasterKeyException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public MasterKeyException(String format, Object... args) {
        super(format, args);
    }

    public MasterKeyException(Throwable cause, String format, Object... args) {
        super(cause, format, args);
    }
}
