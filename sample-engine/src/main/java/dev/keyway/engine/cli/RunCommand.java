package dev.keyway.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.KeywayException;
import dev.keyway.api.support.UsageException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.PatternException;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import dev.keyway.engine.validate.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code keyway run PATTERN}: runs one pattern and shows its outputs, secrets masked. */
final class RunCommand implements HostCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run a pattern file and print its outputs (secrets masked)";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway run PATTERN [--input FILE|-] [--env ENV] [--user USER] [--no-store] [--json]

                Runs the pattern as USER in ENV. The trigger payload is a JSON object read from FILE,
                or from standard input with '-'; fields the pattern's trigger lists as credentials
                become secrets at once. --no-store keeps no data of the run, only an audit line.
                Prints the outputs, or the full execution record with --json. Exit code 1 when the
                pattern is invalid or the execution fails.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("input");
    }

    @Override
    public Set<String> flags() {
        return Set.of("no-store");
    }

    @Override
    public int run(Invocation invocation) {
        if (invocation.args().positionals().size() != 1) {
            throw new UsageException("name exactly one pattern file");
        }
        Path file = Path.of(invocation.args().positionals().get(0));
        Map<String, Object> payload = payload(invocation);
        Engine engine = invocation.session().engine();
        Pattern pattern;
        try {
            pattern = engine.load(file);
        } catch (PatternException e) {
            invocation.err().println(file + " is not a valid pattern:");
            for (Problem problem : e.problems()) {
                invocation.err().println("  " + file + ":" + problem);
            }
            return Cli.FAILED;
        }
        ExecutionRecord record = engine.run(new RunRequest(pattern, invocation.principal(), invocation.environment(),
                payload, invocation.args().flag("no-store")));
        print(invocation, record);
        return record.status() == ExecutionStatus.SUCCEEDED ? Cli.OK : Cli.FAILED;
    }

    private static void print(Invocation invocation, ExecutionRecord record) {
        PrintWriter out = invocation.out();
        if (invocation.json()) {
            out.println(Engine.toJson(record));
            return;
        }
        if (record.status() == ExecutionStatus.SUCCEEDED) {
            out.printf("%s succeeded in %d ms (execution %s)%n", record.patternId(), record.durationMs(), record.id());
            out.println(Engine.toJson(record.outputs() == null ? Map.of() : record.outputs()));
        } else {
            var error = record.error();
            invocation.err().printf("%s failed at node '%s' (%s): %s%n", record.patternId(), error.nodeId(), error.code(),
                    error.message());
            invocation.err().printf("Execution %s; see 'keyway run ... --json' for every node.%n", record.id());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Invocation invocation) {
        var input = invocation.args().option("input");
        if (input.isEmpty()) {
            return Map.of();
        }
        String text;
        try {
            text = input.get().equals("-")
                    ? new String(invocation.in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(input.get()), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("input file %s does not exist", input.get());
        } catch (IOException e) {
            throw new KeywayException("cannot read the input %s: %s", input.get(), e.getMessage());
        }
        try {
            Object value = MAPPER.readValue(text, Object.class);
            if (!(value instanceof Map)) {
                throw new UsageException("the input must be a JSON object (the trigger payload)");
            }
            return (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            // The message is built from position only: the input may hold credentials.
            throw new UsageException("the input is not valid JSON%s",
                    location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
    }
}
