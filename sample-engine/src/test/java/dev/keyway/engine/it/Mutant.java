package dev.keyway.engine.it;

/**
 * One malformed input made from a valid one.
 *
 * @param family the kind of damage (truncated, wrong-type, deep, huge, unicode, duplicate-key, ...), for the summary
 * @param label  what exactly was done, for failure messages
 * @param text   the input
 */
record Mutant(String family, String label, String text) {

    @Override
    public String toString() {
        return family + ": " + label + " (" + text.length() + " chars)";
    }
}
