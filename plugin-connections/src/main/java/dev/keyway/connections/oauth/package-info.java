/**
 * OAuth 2 connections: the authorization code flow with PKCE and state
 * ({@link dev.keyway.connections.oauth.AuthorizationFlow}, served by
 * {@link dev.keyway.connections.oauth.OAuthRoutes}); refresh ahead of expiry and after a 401 with
 * one refresh at a time per connection, across engines too
 * ({@link dev.keyway.connections.oauth.TokenRefresher}, used through
 * {@link dev.keyway.connections.oauth.RefreshingResolver}); machine-to-machine connections
 * ({@link dev.keyway.connections.oauth.ClientCredentialsConnections}); and revocation before a
 * delete ({@link dev.keyway.connections.oauth.TokenRevoker}). Every call to a provider goes
 * through {@link dev.keyway.connections.oauth.TokenEndpoint}.
 */
package dev.keyway.connections.oauth;
