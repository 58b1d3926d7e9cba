/**
 * The plugin's command line: {@code keyway connections ...} and {@code keyway keys ...}.
 *
 * <p>Two PF4J extensions of {@link dev.keyway.api.CliCommand} dispatch to one small
 * {@link dev.keyway.connections.cli.Action} per subcommand. Every action goes through
 * {@link dev.keyway.connections.service.ConnectionService} or the store's key manager, so the rules
 * (access, field checks, seeding) are the same as behind the REST API. Secret fields are only ever
 * read from a no-echo prompt or standard input, never from arguments, and no output carries them.
 */
package dev.keyway.connections.cli;
