package dev.keyway.engine.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin zip from Java sources at test time: compiles them with javac (running
 * PF4J's annotation processor, as a plugin build would), adds plugin.properties, and zips
 * {@code classes/}. Keeps the test plugin off the test class path, so the host can only reach it
 * through PF4J.
 */
public final class TestPluginBuilder {

    private TestPluginBuilder() {
    }

    /** The demo plugin whose sources are in {@code src/test/resources/demo-plugin}. */
    public static Path buildDemoPlugin(Path workDir) {
        return build(resource("demo-plugin"), "keyway-demo", "dev.keyway.demo.DemoPlugin", workDir);
    }

    public static Path build(Path sourceRoot, String pluginId, String pluginClass, Path workDir) {
        try {
            Path classes = Files.createDirectories(workDir.resolve(pluginId + "-build/classes"));
            List<String> sources;
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> arguments = new ArrayList<>(List.of(
                    "-d", classes.toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                    "--release", "17"));
            arguments.addAll(sources);
            StringWriter diagnostics = new StringWriter();
            int status = javac.run(null, null, new java.io.PrintStream(new WriterStream(diagnostics), true, StandardCharsets.UTF_8),
                    arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("test plugin does not compile:\n" + diagnostics);
            }
            Path zip = workDir.resolve(pluginId + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("plugin.properties"));
                out.write(("plugin.id=" + pluginId + "\nplugin.class=" + pluginClass
                        + "\nplugin.version=1.0.0\nplugin.provider=Keyway tests\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new ZipEntry("classes/" + classes.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestPluginBuilder.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class WriterStream extends OutputStream {
        private final StringWriter target;

        WriterStream(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }
    }
}
