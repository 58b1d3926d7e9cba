/**
 * The plugin's REST API, served by the host under {@code /api} after it has authenticated the caller.
 *
 * <pre>
 * GET    /connections                     own + shared-with-me; ?provider= &amp;tag= &amp;environment= &amp;status=
 * GET    /connections/{id}                metadata only, never a credential
 * POST   /connections/api-key             {provider, apiKey, displayName?, environmentId?, tags?, baseUrl?,
 *                                          allowedHosts?, placement?, paramName?}            201 + seedResult
 * POST   /connections/credentials         {provider, credentials{}, type?, displayName?, environmentId?, tags?,
 *                                          baseUrl?, allowedHosts?}                         201 + seedResult
 * PATCH  /connections/{id}                {displayName?, tags?, apiKey? | credentials?, baseUrl?, allowedHosts?}
 * DELETE /connections/{id}                204
 * POST   /connections/{id}/test           {id, status, statusReason, lastCheckedAt, result, httpStatus, message}
 * POST   /connections/{id}/shares         {user}
 * DELETE /connections/{id}/shares/{user}
 * GET    /connections/{id}/usage          ?limit= (1..1000, default 100), newest first
 * GET    /providers                       the catalogue as forms: fields, kinds, base URL template, oauth
 * </pre>
 *
 * <p>Access: reading, testing and the usage trail are for the owner and the users a connection is
 * shared with; updating, sharing and deleting are the owner's. Everyone else gets the same 404
 * {@code not_found} as for a missing id, on every verb; a shared user asking for an owner-only
 * verb gets that 404 too rather than a 403, so no answer tells more than "not yours".
 *
 * <p>Bodies: unknown fields are refused by name, wrong JSON types are named with their field,
 * credential values are wrapped as {@link dev.keyway.api.Secret}s while parsing and removed from the
 * parsed document. Times are ISO-8601 UTC with milliseconds, e.g. {@code 2026-02-15T10:00:00.000Z}.
 */
package dev.keyway.connections.api;
