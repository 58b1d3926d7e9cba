package dev.keyway.connections.store;

import dev.keyway.connections.crypto.ConnectionsException;
import java.util.List;

/** A provider + display name lookup matched several connections equally well. */
public class AmbiguousConnectionException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public AmbiguousConnectionException(String provider, String displayName, String environment, List<String> ids) {
        super("%d %s connections named '%s' are available in environment %s (%s); rename one or refer to it by id",
                ids.size(), provider, displayName, environment, String.join(", ", ids));
    }
}
