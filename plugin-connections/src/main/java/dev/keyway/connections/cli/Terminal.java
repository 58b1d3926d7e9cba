package dev.keyway.connections.cli;

/** Whether a person is at a terminal to answer a question (stdin and stdout both attached to one). */
final class Terminal {

    private Terminal() {
    }

    static boolean present() {
        return System.console() != null;
    }
}
