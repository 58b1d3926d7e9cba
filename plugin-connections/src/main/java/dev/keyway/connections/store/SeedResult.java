package dev.keyway.connections.store;

import java.util.List;

/**
 * What seeding created, as the API reports it.
 *
 * @param secretsSeeded how many secrets were written
 * @param secretNames   their names, e.g. SLACK_API_KEY
 */
public record SeedResult(int secretsSeeded, List<String> secretNames) {

    public SeedResult {
        secretNames = List.copyOf(secretNames);
    }
}
