package dev.keyway.connections.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Secret;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.providers.CredentialField;
import dev.keyway.connections.providers.Provider;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects a connection's credential fields from the three allowed places: {@code --field name=value}
 * for settings that are not secret, a JSON object on stdin ({@code --fields-from-stdin}, for
 * scripts), and a no-echo prompt per secret field. A secret is never accepted as an argument:
 * arguments show up in the process list and shell history.
 */
final class FieldInput {

    /** Options that supply fields, shared by {@code add} and {@code update}. */
    static final Set<String> VALUED = Set.of("field", "prompt");
    static final Set<String> FLAGS = Set.of("fields-from-stdin");

    static final String HELP = """
              --field NAME=VALUE    a field that is not secret, e.g. --field user-email=a@b.c (repeatable)
              --fields-from-stdin   read one JSON object of fields (secret ones too) from stdin instead of
                                    prompting, e.g. echo '{"api-token":"..."}' | keyway connections ...
              --prompt NAME         also prompt for the optional secret field NAME (repeatable)
            Secret fields are prompted for without echo (one line each from stdin when it is not a
            terminal); they are never taken from arguments.""";

    private FieldInput() {
    }

    /**
     * The fields given on the command line and stdin, plus a prompt for each required secret field
     * (or every secret field when {@code promptSecrets} is false, none) not given otherwise.
     */
    static Map<String, Secret> collect(Invocation invocation, Provider provider, boolean promptSecrets) {
        Map<String, Secret> fields = new LinkedHashMap<>(fromArguments(invocation.args().all("field"), provider));
        if (invocation.args().flag("fields-from-stdin")) {
            if (!invocation.args().all("prompt").isEmpty()) {
                throw new UsageException("--prompt and --fields-from-stdin exclude each other; put the field in the "
                        + "JSON on stdin");
            }
            fromStdin(invocation, provider).forEach((name, value) -> {
                if (fields.putIfAbsent(name, value) != null) {
                    throw new UsageException("field '%s' is given both with --field and on stdin; give it once", name);
                }
            });
            return fields;
        }
        List<String> extra = invocation.args().all("prompt");
        for (String name : extra) {
            CredentialField field = known(provider, name);
            if (!field.secret()) {
                throw new UsageException("--prompt is for secret fields; give '%s' with --field %s=VALUE", name, name);
            }
        }
        if (promptSecrets || !extra.isEmpty()) {
            for (CredentialField field : provider.fields()) {
                boolean wanted = (promptSecrets && field.required()) || extra.contains(field.name());
                if (field.secret() && wanted && !fields.containsKey(field.name())) {
                    fields.put(field.name(), invocation.context().readSecret(field.label()));
                }
            }
        }
        return fields;
    }

    private static Map<String, Secret> fromArguments(List<String> pairs, Provider provider) {
        Map<String, Secret> fields = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--field takes NAME=VALUE, e.g. --field user-email=a@b.c");
            }
            String name = pair.substring(0, equals);
            CredentialField field = known(provider, name);
            if (field.secret()) {
                // The value is not echoed back: it may be the very secret that must not be seen.
                throw new UsageException("field '%s' (%s) is secret and is not accepted as an argument, which other "
                        + "users can see in the process list and which lands in shell history; leave it out to be "
                        + "prompted for it, or pipe it in with --fields-from-stdin", name, field.label());
            }
            String value = pair.substring(equals + 1);
            if (value.isEmpty()) {
                throw new UsageException("--field %s= has no value", name);
            }
            if (fields.put(name, Secret.of(value)) != null) {
                throw new UsageException("field '%s' is given twice", name);
            }
        }
        return fields;
    }

    private static Map<String, Secret> fromStdin(Invocation invocation, Provider provider) {
        JsonNode document;
        try {
            String text = invocation.context().in().lines().collect(Collectors.joining("\n"));
            document = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input, which holds secrets: report the position only.
            throw new KeywayException("stdin is not valid JSON (line %d, column %d); --fields-from-stdin reads one "
                    + "object of field names to strings, e.g. {\"api-key\": \"...\"}",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
        } catch (UncheckedIOException e) {
            throw new KeywayException("cannot read stdin (%s)", e.getCause().getClass().getSimpleName());
        }
        if (document == null || !document.isObject()) {
            throw new KeywayException("--fields-from-stdin reads one JSON object of field names to strings, "
                    + "e.g. {\"api-key\": \"...\"}; stdin held something else");
        }
        Map<String, Secret> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            known(provider, entry.getKey());
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull() || value.asText().isEmpty()) {
                throw new KeywayException("field '%s' on stdin must be a non-empty string", entry.getKey());
            }
            fields.put(entry.getKey(), Secret.of(value.asText()));
        }
        return fields;
    }

    private static CredentialField known(Provider provider, String name) {
        return provider.field(name).orElseThrow(() -> new UsageException("provider %s has no field '%s'; it takes %s "
                + "(see 'keyway connections providers %s')", provider.id(), name,
                provider.fields().stream().map(CredentialField::name).toList(), provider.id()));
    }
}
