package dev.keyway.connections.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Standard environment secret names: provider and field in upper snake case. */
public final class SecretNames {

    private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern VALID = Pattern.compile("[A-Z][A-Z0-9_]{0,199}");

    private SecretNames() {
    }

    /** {@code standard("jira", "api-token")} is {@code JIRA_API_TOKEN}. */
    public static String standard(String provider, String field) {
        return snake(provider) + "_" + snake(field);
    }

    /**
     * Secret name to credential field for every field of a connection: each field's standard name,
     * plus the caller's aliases (e.g. field api-key also as SLACK_BOT_TOKEN).
     *
     * @param aliases field name to extra secret names
     */
    public static Map<String, String> plan(String provider, Iterable<String> fields, Map<String, List<String>> aliases) {
        Map<String, String> plan = new LinkedHashMap<>();
        for (String field : fields) {
            plan.put(standard(provider, field), field);
            for (String alias : aliases.getOrDefault(field, List.of())) {
                plan.put(requireValid(alias), field);
            }
        }
        return plan;
    }

    /** Checks an explicit name such as an alias. */
    public static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidRequestException("secret name '%s' is invalid; use upper snake case such as SLACK_API_KEY",
                    name);
        }
        return name;
    }

    private static String snake(String text) {
        String cleaned = NOT_ALNUM.matcher(Names.require("name", text)).replaceAll("_");
        List<String> parts = new ArrayList<>();
        for (String part : cleaned.split("_")) {
            if (!part.isEmpty()) {
                parts.add(part.toUpperCase(Locale.ROOT));
            }
        }
        return String.join("_", parts);
    }
}
