package dev.keyway.engine.cli;

import dev.keyway.api.support.UsageException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.server.User;
import dev.keyway.engine.server.UserStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code keyway users add|token|list|revoke}: who may call the HTTP API. */
final class UsersCommand implements HostCommand {

    @Override
    public String name() {
        return "users";
    }

    @Override
    public String summary() {
        return "add users and issue or revoke their API tokens";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway users add NAME [--workspace W]   add a user and print its first API token (shown once)
                       keyway users token NAME                 issue another token for NAME (shown once)
                       keyway users list [--json]              list users and their token ids
                       keyway users revoke TOKEN_ID            revoke a token

                Tokens are stored only as hashes in KEYWAY_HOME/users.json. Send them as
                'Authorization: Bearer <token>' to 'keyway serve'.""";
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.args().positionals();
        if (args.isEmpty()) {
            throw new UsageException("say what to do: add, token, list or revoke");
        }
        UserStore users = new UserStore(invocation.home().root().resolve("users.json"), Clock.systemUTC());
        PrintWriter out = invocation.out();
        switch (args.get(0)) {
            case "add" -> {
                requireArgs(args, 2, "keyway users add NAME [--workspace W]");
                String workspace = invocation.args().option("workspace").orElse("default");
                print(invocation, users.add(args.get(1), workspace));
            }
            case "token" -> {
                requireArgs(args, 2, "keyway users token NAME");
                print(invocation, users.issue(args.get(1)));
            }
            case "list" -> {
                requireArgs(args, 1, "keyway users list");
                List<Map<String, Object>> listing = users.list().stream().map(UsersCommand::describe).toList();
                if (invocation.json()) {
                    out.println(Engine.toJson(listing));
                } else if (listing.isEmpty()) {
                    out.println("No users yet; add one with 'keyway users add NAME'.");
                } else {
                    for (User user : users.list()) {
                        out.printf("%-20s %-16s tokens: %s%n", user.name(), user.workspace(),
                                user.tokens().stream().map(t -> t.id() + (t.revoked() ? " (revoked)" : "")).toList());
                    }
                }
            }
            case "revoke" -> {
                requireArgs(args, 2, "keyway users revoke TOKEN_ID");
                if (!users.revoke(args.get(1))) {
                    throw new dev.keyway.api.KeywayException("no live token with id '%s'; see 'keyway users list'", args.get(1));
                }
                out.println("Revoked token " + args.get(1) + ".");
            }
            default -> throw new UsageException("unknown users action '%s'; use add, token, list or revoke", args.get(0));
        }
        return Cli.OK;
    }

    private static void print(Invocation invocation, UserStore.Issued issued) {
        String token = issued.token().reveal();
        if (invocation.json()) {
            invocation.out().println(Engine.toJson(Map.of("user", issued.user(), "tokenId", issued.tokenId(), "token", token)));
        } else {
            invocation.err().println("Token for " + issued.user() + " (id " + issued.tokenId()
                    + "). It is shown only now; store it safely:");
            invocation.out().println(token);
        }
    }

    private static Map<String, Object> describe(User user) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", user.name());
        map.put("workspace", user.workspace());
        map.put("createdAt", user.createdAt());
        map.put("tokens", user.tokens().stream().map(t -> Map.of("id", t.id(), "createdAt", t.createdAt(),
                "revoked", t.revoked())).toList());
        return map;
    }

    private static void requireArgs(List<String> args, int count, String synopsis) {
        if (args.size() != count) {
            throw new UsageException("usage: %s", synopsis);
        }
    }
}
