package dev.keyway.engine.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hundred and more bodies no endpoint may accept: broken JSON, wrong types for every field,
 * missing fields, unknown fields, wrong media types, huge and deeply nested documents, junk text.
 * None is complete and valid, so each must end in a 4xx JSON error.
 */
final class MalformedBodies {

    /**
     * One bad request.
     *
     * @param label       what is wrong, for the assertion message
     * @param method      HTTP method
     * @param path        below the server root; {@code {id}} stands for an existing connection
     * @param contentType the Content-Type header, or null for none
     * @param body        the raw bytes
     */
    record Case(String label, String method, String path, String contentType, byte[] body) {
    }

    private static final String JSON = "application/json";
    private static final List<String> WRONG_VALUES = List.of("1", "true", "[]", "{}", "[\"a\", 2]", "-0.5e10");

    private MalformedBodies() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        String apiKey = "/api/connections/api-key";
        String credentials = "/api/connections/credentials";
        // Broken JSON.
        for (String broken : List.of("{", "}", "[", "{\"provider\":", "nul", "{'provider': 'slack'}", "{\"a\":1,}",
                "{} trailing", "{\"provider\" \"slack\"}", "\"just a string\"", "42", "null", "[]", "[{}]",
                "{\"provider\":\"slack\",\"provider\":", "\u0000", "{\"a\":\"\\uZZZZ\"}", "{\"a\":01}", "NaN", "{,}")) {
            cases.add(json("broken JSON " + broken, "POST", apiKey, broken));
        }
        // A wrong type for every field of both create endpoints and of PATCH.
        for (String field : List.of("provider", "apiKey", "displayName", "environmentId", "tags", "baseUrl",
                "allowedHosts", "placement", "paramName")) {
            for (String wrong : WRONG_VALUES) {
                if (isRightType(field, wrong)) {
                    continue;
                }
                String body = "{\"provider\": \"slack\", \"apiKey\": \"k\"}".replaceFirst("\\}$", "")
                        + ", \"" + field + "\": " + wrong + "}";
                if (field.equals("provider") || field.equals("apiKey")) {
                    body = "{\"" + field + "\": " + wrong + (field.equals("provider") ? ", \"apiKey\": \"k\"}" : ", \"provider\": \"slack\"}");
                }
                cases.add(json("api-key " + field + "=" + wrong, "POST", apiKey, body));
            }
        }
        for (String wrong : List.of("\"text\"", "1", "[]", "[\"a\"]", "{}", "{\"api-token\": 1}", "{\"api-token\": null}",
                "{\"api-token\": {}}", "{\"api-token\": \"\"}", "true")) {
            cases.add(json("credentials=" + wrong, "POST", credentials, "{\"provider\": \"jira\", \"credentials\": " + wrong + "}"));
        }
        for (String wrong : List.of("\"oauth\"", "\"nope\"", "5", "[]")) {
            cases.add(json("type=" + wrong, "POST", credentials,
                    "{\"provider\": \"bearer\", \"type\": " + wrong + ", \"credentials\": {\"token\": \"t\"}}"));
        }
        for (String wrong : List.of("{\"displayName\": 5}", "{\"tags\": \"a\"}", "{\"apiKey\": 1}", "{\"credentials\": []}",
                "{\"apiKey\": \"k\", \"credentials\": {\"token\": \"t\"}}", "{}", "{\"owner\": \"mallory\"}",
                "{\"displayName\": \"   \"}", "[]", "{\"allowedHosts\": [1]}")) {
            cases.add(json("patch " + wrong, "PATCH", "/api/connections/{id}", wrong));
        }
        for (String wrong : List.of("{}", "{\"user\": 5}", "{\"user\": \"\"}", "{\"user\": \"bob\", \"role\": \"admin\"}",
                "[\"bob\"]")) {
            cases.add(json("share " + wrong, "POST", "/api/connections/{id}/shares", wrong));
        }
        // Missing and unknown fields.
        for (String missing : List.of("{}", "{\"provider\": \"slack\"}", "{\"apiKey\": \"k\"}", "{\"provider\": \"\", \"apiKey\": \"k\"}",
                "{\"provider\": \"slack\", \"apiKey\": \"\"}", "{\"provider\": \"nope\", \"apiKey\": \"k\"}",
                "{\"provider\": \"slack\", \"apiKey\": \"k\", \"secret\": \"x\"}",
                "{\"provider\": \"slack\", \"apiKey\": \"k\", \"environmentId\": \"PROD!\"}")) {
            cases.add(json("api-key " + missing, "POST", apiKey, missing));
        }
        cases.add(json("credentials without provider", "POST", credentials, "{\"credentials\": {\"a\": \"b\"}}"));
        cases.add(json("jira missing fields", "POST", credentials, "{\"provider\": \"jira\", \"credentials\": {\"api-token\": \"t\"}}"));
        // Wrong media types.
        String valid = "{\"provider\": \"nope\", \"apiKey\": \"k\"}";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "text/json")) {
            cases.add(new Case("content type " + type, "POST", apiKey, type, valid.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(new Case("no content type", "POST", apiKey, null, valid.getBytes(StandardCharsets.UTF_8)));
        // Huge documents.
        cases.add(json("2 MB body", "POST", apiKey, "{\"provider\": \"" + "a".repeat(2 << 20) + "\"}"));
        cases.add(json("900 kB provider", "POST", apiKey, "{\"provider\": \"" + "a".repeat(900_000) + "\", \"apiKey\": \"k\"}"));
        cases.add(json("100k unknown keys", "POST", apiKey, unknownKeys(20_000)));
        cases.add(json("huge tag list", "POST", apiKey, "{\"provider\": \"nope\", \"apiKey\": \"k\", \"tags\": ["
                + "\"t\",".repeat(50_000) + "\"t\"]}"));
        // Deep nesting.
        cases.add(json("deep arrays", "POST", apiKey, "[".repeat(100_000) + "]".repeat(100_000)));
        cases.add(json("deep objects", "POST", credentials, "{\"provider\": \"jira\", \"credentials\": "
                + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}"));
        cases.add(json("unclosed deep", "POST", apiKey, "{\"a\":[".repeat(50_000)));
        // Unicode junk.
        cases.add(json("lone surrogate", "POST", apiKey, "{\"provider\": \"\\ud800\", \"apiKey\": \"k\"}"));
        cases.add(json("emoji field name", "POST", apiKey, "{\"\uD83D\uDD11\": \"k\"}"));
        cases.add(json("right-to-left junk", "POST", apiKey, "{\"provider\": \"\u202Eslack\", \"apiKey\": \"k\"}"));
        cases.add(json("BOM", "POST", apiKey, "\uFEFF{\"provider\": \"nope\"}"));
        cases.add(json("zero width", "POST", apiKey, "{\"provid\u200Ber\": \"slack\", \"apiKey\": \"k\"}"));
        cases.add(new Case("invalid UTF-8", "POST", apiKey, JSON, new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, '"', '}'}));
        cases.add(new Case("UTF-16 body", "POST", apiKey, JSON, valid.getBytes(StandardCharsets.UTF_16)));
        cases.add(new Case("random bytes", "POST", credentials, JSON, randomBytes(4096)));
        return cases;
    }

    private static boolean isRightType(String field, String value) {
        boolean list = field.equals("tags") || field.equals("allowedHosts");
        return list && value.equals("[]");
    }

    private static Case json(String label, String method, String path, String body) {
        return new Case(label, method, path, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String unknownKeys(int count) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            body.append("\"k").append(i).append("\": ").append(i).append(',');
        }
        return body.append("\"provider\": \"slack\"}").toString();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }
}
