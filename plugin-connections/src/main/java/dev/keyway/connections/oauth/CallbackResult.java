package dev.keyway.connections.oauth;

/**
 * How a callback ended, for the page or redirect that tells the person.
 *
 * @param connectionId the connection created or reconnected, or null on failure
 * @param provider     the provider, or null when the state was unknown
 * @param account      the account that granted access when known, or null
 * @param error        a short error code ({@code access_denied}, {@code invalid_state}, ...), or null on success
 * @param message      what happened and what to do next; never a token or code
 * @param returnTo     the checked location to send the browser to, or null
 */
public record CallbackResult(String connectionId, String provider, String account, String error, String message,
                             String returnTo) {

    public boolean succeeded() {
        return error == null;
    }
}
