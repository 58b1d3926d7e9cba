package dev.keyway.api;

/**
 * Ends an API request with an error answer {@code {"error": {"code": ..., "message": ...}}}.
 * The message is shown to the caller as is: no credential material, no internals.
 */
public class ApiException extends KeywayException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String format, Object... args) {
        super(format, args);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status must be 4xx or 5xx, not " + status);
        }
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String format, Object... args) {
        return new ApiException(400, "bad_request", format, args);
    }

    public static ApiException notFound(String format, Object... args) {
        return new ApiException(404, "not_found", format, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
