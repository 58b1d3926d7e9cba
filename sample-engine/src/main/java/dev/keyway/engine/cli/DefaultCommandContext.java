package dev.keyway.engine.cli;

import dev.keyway.api.CommandContext;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The {@link CommandContext} a plugin command runs with. */
final class DefaultCommandContext implements CommandContext {

    private final List<String> args;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;
    private final boolean json;
    private final Principal principal;
    private final String environment;

    DefaultCommandContext(List<String> args, PrintWriter out, PrintWriter err, InputStream in, boolean json,
                          Principal principal, String environment) {
        this.args = List.copyOf(args);
        this.out = out;
        this.err = err;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.json = json;
        this.principal = principal;
        this.environment = environment;
    }

    @Override
    public List<String> args() {
        return args;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public BufferedReader in() {
        return in;
    }

    @Override
    public Secret readSecret(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s: ", prompt);
            if (typed == null || typed.length == 0) {
                throw new KeywayException("no value entered for %s", prompt);
            }
            try {
                return Secret.of(new String(typed));
            } finally {
                Arrays.fill(typed, '\0');
            }
        }
        try {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new KeywayException("expected %s on standard input (one line); pipe it in, e.g. "
                        + "'printf %%s \"$TOKEN\" | keyway ...'", prompt);
            }
            return Secret.of(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public String environment() {
        return environment;
    }
}
