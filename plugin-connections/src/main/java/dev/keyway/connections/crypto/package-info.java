/**
 * Cryptography for the connection store: AES-256-GCM, envelope keys and master key sources.
 *
 * <h2>Primitives</h2>
 * {@link dev.keyway.connections.crypto.AesGcm} uses the JDK's {@code AES/GCM/NoPadding} (SunJCE when
 * present), a fresh random 96-bit nonce per seal and a 128-bit tag; other sizes are refused. Blob
 * format: {@code [0x01][nonce 12][ciphertext][tag 16]}. BouncyCastle is used only through its
 * lightweight API for Argon2id ({@link dev.keyway.connections.crypto.Argon2id}); no JCE provider is
 * ever registered.
 *
 * <h2>Associated data</h2>
 * {@link dev.keyway.connections.crypto.Aad} encodes a purpose label and the row's identifying values,
 * each 4-byte length-prefixed:
 * <ul>
 *   <li>connection credentials: {@code keyway/connection/v1, id, workspace, owner, environment, keyVersion}
 *       (the field names are inside the authenticated plaintext);</li>
 *   <li>environment secret: {@code keyway/env-secret/v1, workspace, environment, name, connectionId,
 *       fieldName, keyVersion};</li>
 *   <li>wrapped data key: {@code keyway/data-key/v1, storeId, version};</li>
 *   <li>key check: {@code keyway/key-check/v1, storeId}.</li>
 * </ul>
 *
 * <h2>Keys</h2>
 * A master key ({@link dev.keyway.connections.crypto.MasterKeySource}: KEYWAY_MASTER_KEY, then a key
 * file, then a passphrase through Argon2id m=19456 KiB t=2 p=1 with a stored salt, else a key file
 * generated on first start) wraps versioned data keys stored in the database
 * ({@link dev.keyway.connections.crypto.KeyWrap}). A sealed key check, bound to the store's random id,
 * tells at start whether the configured master key is the right one, before anything is written.
 * Unwrapped data keys stay in memory ({@link dev.keyway.connections.crypto.KeyRing}); plaintext
 * credentials never do.
 *
 * <p>All failures are {@link dev.keyway.connections.crypto.ConnectionsException}s, the root of the
 * store's exception family.
 */
package dev.keyway.connections.crypto;
