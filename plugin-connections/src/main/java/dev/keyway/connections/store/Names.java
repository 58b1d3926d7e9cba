package dev.keyway.connections.store;

/** Validation of the plain names the store keys on (provider, environment, user). */
final class Names {

    private Names() {
    }

    static String require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("%s is required", what);
        }
        String stripped = value.strip();
        if (stripped.length() > 200) {
            throw new InvalidRequestException("%s is longer than 200 characters", what);
        }
        return stripped;
    }
}
