package dev.keyway.connections.cli;

import dev.keyway.api.CommandContext;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CommandContext} like the host's without a terminal: stdin is a string, secrets are read
 * one line each from it, and the prompts asked are recorded.
 */
final class TestCommandContext implements CommandContext {

    private final List<String> args;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final BufferedReader in;
    private final boolean json;
    private final Principal principal;
    private final String environment;
    private final List<String> prompts = new ArrayList<>();

    TestCommandContext(List<String> args, String stdin, boolean json, Principal principal, String environment) {
        this.args = List.copyOf(args);
        this.in = new BufferedReader(new StringReader(stdin));
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
        return outWriter;
    }

    @Override
    public PrintWriter err() {
        return errWriter;
    }

    @Override
    public BufferedReader in() {
        return in;
    }

    @Override
    public Secret readSecret(String prompt) {
        prompts.add(prompt);
        try {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new KeywayException("expected %s on standard input (one line)", prompt);
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

    String outText() {
        return out.toString();
    }

    String errText() {
        return err.toString();
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }
}
