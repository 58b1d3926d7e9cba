/**
 * OAuth 2 connections: the authorization code flow with PKCE and state
 * ({@link dev.keyway.connections.oauth.AuthorizationFlow}, served by
 * {@link dev.keyway.connections.oauth.OAuthRoutes}). Every call to a provider goes through
 * {@link dev.keyway.connections.oauth.TokenEndpoint}.
 */
package dev.keyway.connections.oauth;
