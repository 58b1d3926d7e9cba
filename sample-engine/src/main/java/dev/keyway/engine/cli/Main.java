package dev.keyway.engine.cli;

/** The {@code keyway} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
