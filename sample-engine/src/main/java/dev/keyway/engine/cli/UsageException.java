package dev.keyway.engine.cli;

import dev.keyway.api.KeywayException;

/** The command line itself is wrong: exit code 2 and the command's usage. */
final class UsageException extends KeywayException {

    private static final long serialVersionUID = 1L;

    UsageException(String format, Object... args) {
        super(format, args);
    }
}
