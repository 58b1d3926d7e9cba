package dev.keyway.engine.record;

import dev.keyway.api.KeywayException;

/** The record store could not read or write; the message names the file and what to check. */
public class RecordStoreException extends KeywayException {

    private static final long serialVersionUID = 1L;

    public RecordStoreException(Throwable cause, String format, Object... args) {
        super(cause, format, args);
    }
}
