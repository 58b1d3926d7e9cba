package dev.keyway.api;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.List;

/** What a {@link CliCommand} gets from the host's CLI. */
public interface CommandContext {

    /** The arguments after the command word, global options already removed. */
    List<String> args();

    /** Standard output: results, human readable unless {@link #json()}. */
    PrintWriter out();

    /** Standard error: diagnostics and prompts. */
    PrintWriter err();

    /** Standard input, for piped secrets and documents. */
    BufferedReader in();

    /**
     * Reads a secret: without echo from the terminal when there is one, else one line of stdin.
     *
     * @throws KeywayException when there is nothing to read
     */
    Secret readSecret(String prompt);

    /** True when the caller asked for {@code --json} output. */
    boolean json();

    /** Who runs the command ({@code --user}, {@code --workspace}). */
    Principal principal();

    /** The environment ({@code --env}). */
    String environment();
}
