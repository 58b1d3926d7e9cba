package dev.keyway.engine.cli;

import dev.keyway.api.support.UsageException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.validate.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code keyway validate FILE...}: every problem of every file, located, at once. */
final class ValidateCommand implements HostCommand {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check pattern files against the loaded node types; report every problem";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway validate FILE... [--json]

                Checks each pattern file and prints every problem at once, each as
                FILE:LINE:COLUMN JSON-POINTER: what is wrong. Exit code 1 when any file has a problem.""";
    }

    @Override
    public int run(Invocation invocation) {
        List<String> files = invocation.args().positionals();
        if (files.isEmpty()) {
            throw new UsageException("name at least one pattern file");
        }
        PrintWriter out = invocation.out();
        List<Map<String, Object>> results = new ArrayList<>();
        int invalid = 0;
        for (String file : files) {
            List<Problem> problems = invocation.session().engine().validate(Path.of(file));
            if (!problems.isEmpty()) {
                invalid++;
            }
            if (invocation.json()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", file);
                result.put("valid", problems.isEmpty());
                result.put("problems", problems);
                results.add(result);
            } else if (problems.isEmpty()) {
                out.println(file + ": valid");
            } else {
                out.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
                for (Problem problem : problems) {
                    out.println("  " + file + ":" + problem);
                }
            }
        }
        if (invocation.json()) {
            out.println(Engine.toJson(results));
        }
        return invalid == 0 ? Cli.OK : Cli.FAILED;
    }
}
