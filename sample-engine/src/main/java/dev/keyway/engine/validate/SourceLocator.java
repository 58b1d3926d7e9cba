package dev.keyway.engine.validate;

import dev.keyway.engine.json.JsonPointers;

/** Finds where a JSON Pointer was written, falling back to the nearest enclosing value that exists. */
final class SourceLocator {

    private final SourceValue root;

    SourceLocator(SourceValue root) {
        this.root = root;
    }

    Position locate(String pointer) {
        if (root == null) {
            return Position.UNKNOWN;
        }
        Position found = root.position();
        SourceValue current = root;
        for (String token : JsonPointers.tokens(pointer)) {
            if (current instanceof SourceValue.Obj obj && obj.members().containsKey(token)) {
                SourceValue.Member member = obj.members().get(token);
                found = member.position();
                current = member.value();
            } else if (current instanceof SourceValue.Arr arr && isIndex(token, arr.items().size())) {
                current = arr.items().get(Integer.parseInt(token));
                found = current.position();
            } else {
                break;
            }
        }
        return found;
    }

    private static boolean isIndex(String token, int size) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(token) < size;
    }
}
