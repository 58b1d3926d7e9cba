package dev.keyway.engine.plugins;

import dev.keyway.api.KeywayException;

/** A problem with the host's setup: its folders, configuration or plugins. */
public class HostException extends KeywayException {

    private static final long serialVersionUID = 1L;

    public HostException(String format, Object... args) {
        super(format, args);
    }

    public HostException(Throwable cause, String format, Object... args) {
        super(cause, format, args);
    }
}
