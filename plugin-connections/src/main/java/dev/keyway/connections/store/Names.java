package dev.keyway.connections.store;

import dev.keyway.api.support.VisibleText;
import java.util.regex.Pattern;

/** Validation of the plain names the store keys on (provider, environment, user). */
final class Names {

    /** Letters and digits of any script, and the separators user names and e-mail addresses use. */
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._@+-]*");

    private Names() {
    }

    /**
     * A user to share with. Whoever the host's users are, their names hold no space, symbol,
     * invisible or reordering character: a name that only looks like "bob" would share
     * credentials with someone else than the owner sees in the list.
     */
    static String requireUser(String value) {
        String user = require("user", value);
        if (!USER.matcher(user).matches()) {
            throw new InvalidRequestException("'%s' is not a user name: use letters, digits and . _ @ + - only",
                    VisibleText.escaped(user));
        }
        return user;
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
