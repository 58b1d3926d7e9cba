package dev.keyway.api.support;

import dev.keyway.api.KeywayException;

/**
 * A command line is wrong. Hosts answer with exit code 2 and point at the command's {@code --help}.
 */
public class UsageException extends KeywayException {

    private static final long serialVersionUID = 1L;

    public UsageException(String format, Object... args) {
        super(format, args);
    }
}
