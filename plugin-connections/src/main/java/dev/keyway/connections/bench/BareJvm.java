package dev.keyway.connections.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A bare JVM from the same java binary the children use: the start-up time and memory any Java
 * program pays before doing anything, measured beside Keyway so a ratio shows Keyway's own share.
 * It runs a compiled {@code Hello}; where this JVM has no compiler (a JRE) it falls back to
 * {@code java -version}, and says so in its name.
 */
final class BareJvm {

    /** The launcher's flags for one-shot commands, so the floor is the same kind of JVM. */
    private static final List<String> ONE_SHOT_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");
    /** The launcher's flags for {@code keyway serve}. */
    private static final List<String> SERVER_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto");
    private static final String SOURCE = """
            public class Hello {
                public static void main(String[] args) throws Exception {
                    System.out.println("hello");
                    if (args.length > 0) {
                        System.in.read();
                    }
                }
            }
            """;

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** The folder holding Hello.class, or null when it could not be compiled. */
    private final Path classes;

    private BareJvm(Path classes) {
        this.classes = classes;
    }

    /** Compiles {@code Hello} into {@code folder} when this JVM has a compiler. */
    static BareJvm prepare(Path folder) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return new BareJvm(null);
        }
        try {
            Files.createDirectories(folder);
            Path source = Files.writeString(folder.resolve("Hello.java"), SOURCE, StandardCharsets.UTF_8);
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int result = compiler.run(null, diagnostics, diagnostics, "-d", folder.toString(), source.toString());
            return new BareJvm(result == 0 ? folder : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bare JVM's Hello.java to " + folder
                    + "; check the temp folder's space and permissions", e);
        }
    }

    /** For the table's baseline column. */
    String name() {
        return classes == null ? "bare JVM: java -version" : "bare JVM: java Hello";
    }

    /** Starts, prints a line and exits. */
    List<String> once() {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ONE_SHOT_FLAGS);
        command.addAll(classes == null ? List.of("-version") : List.of("-cp", classes.toString(), "Hello"));
        return command;
    }

    /** Starts, prints {@code hello} and idles until its standard input closes; empty without Hello. */
    Optional<List<String>> idle() {
        if (classes == null) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(SERVER_FLAGS);
        command.addAll(List.of("-cp", classes.toString(), "Hello", "idle"));
        return Optional.of(command);
    }
}
