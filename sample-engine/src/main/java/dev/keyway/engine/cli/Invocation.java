package dev.keyway.engine.cli;

import dev.keyway.api.Principal;
import dev.keyway.api.support.CommandArgs;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * One run of one command: its arguments, streams, who runs it and where, and the engine session
 * (plugins loaded on first use, so {@code --help} never starts anything).
 */
final class Invocation {

    private final CommandArgs args;
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final Principal principal;
    private final String environment;
    private final KeywayHome home;
    private final Supplier<Session> sessionFactory;
    private Session session;

    Invocation(CommandArgs args, PrintWriter out, PrintWriter err, InputStream in, Principal principal,
               String environment, KeywayHome home, Supplier<Session> sessionFactory) {
        this.args = args;
        this.out = out;
        this.err = err;
        this.in = in;
        this.principal = principal;
        this.environment = environment;
        this.home = home;
        this.sessionFactory = sessionFactory;
    }

    KeywayHome home() {
        return home;
    }

    CommandArgs args() {
        return args;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    boolean json() {
        return args.flag("json");
    }

    Principal principal() {
        return principal;
    }

    String environment() {
        return environment;
    }

    Session session() {
        if (session == null) {
            session = sessionFactory.get();
        }
        return session;
    }
}
