package dev.keyway.api;

import java.util.List;
import java.util.Objects;

/**
 * One choice offered by a picker.
 *
 * @param value  what goes into the pattern file
 * @param label  what a person sees
 * @param detail a second line of context, e.g. provider and type
 * @param status e.g. {@code active}, {@code not_active}; empty when not applicable
 * @param tags   labels to filter on
 */
public record Option(String value, String label, String detail, String status, List<String> tags) {

    public Option {
        Objects.requireNonNull(value, "value");
        label = label == null ? value : label;
        detail = detail == null ? "" : detail;
        status = status == null ? "" : status;
        tags = List.copyOf(tags == null ? List.of() : tags);
    }
}
