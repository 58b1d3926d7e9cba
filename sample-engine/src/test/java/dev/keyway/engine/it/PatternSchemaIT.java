package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.keyway.engine.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'keyway schema' with the real plugin zip, checked by an independent JSON Schema validator. */
class PatternSchemaIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
    private static final Path PATTERNS = Path.of(System.getProperty("keyway.patterns", "../patterns"));

    @TempDir
    Path home;

    @Test
    void theGeneratedSchemaAcceptsEverySamplePatternAndRefusesABrokenOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(Map.of("KEYWAY_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("--plugins", DISTRIBUTION.resolve("plugins").toString(), "schema");
        assertThat(status).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode schemaNode = mapper.readTree(out.toByteArray());
        assertThat(schemaNode.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);

        List<Path> files;
        try (Stream<Path> list = Files.list(PATTERNS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : files) {
            Set<ValidationMessage> problems = schema.validate(mapper.readTree(file.toFile()));
            assertThat(problems).as(file.toString()).isEmpty();
        }
        JsonNode broken = mapper.readTree(Files.readString(files.get(0)).replace("connections.http-request", "connections.htp-request"));
        assertThat(schema.validate(broken)).isNotEmpty();
    }
}
