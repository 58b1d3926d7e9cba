package dev.keyway.engine.cli;

/** The {@code keyway} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = new Cli(System.getenv(), System.in, System.out, System.err).run(args);
        System.exit(status);
    }
}
