package dev.keyway.engine.validate;

/** A 1-based place in a source text; {@code 0:0} when unknown. */
public record Position(int line, int column) {

    public static final Position UNKNOWN = new Position(0, 0);
}
