package dev.keyway.api;

/**
 * Root of Keyway's unchecked exceptions. Messages are formatted with {@link String#format} and
 * must never contain credential material: they end up in logs, records and API responses.
 */
public class KeywayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeywayException(String message) {
        super(message);
    }

    public KeywayException(String format, Object... args) {
        super(String.format(format, args));
    }

    public KeywayException(Throwable cause, String format, Object... args) {
        super(String.format(format, args), cause);
    }
}
