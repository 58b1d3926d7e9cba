package dev.keyway.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgsTest {

    private static final Set<String> VALUED = Set.of("tag", "env");
    private static final Set<String> FLAGS = Set.of("json", "help");

    @Test
    void separatesOptionsFlagsAndPositionals() {
        CommandArgs args = CommandArgs.parse(List.of("add", "--tag", "a", "--tag=b", "slack", "--json", "-", "--", "--env"),
                VALUED, FLAGS);
        assertThat(args.positionals()).containsExactly("add", "slack", "-", "--env");
        assertThat(args.all("tag")).containsExactly("a", "b");
        assertThat(args.option("tag")).contains("b");
        assertThat(args.flag("json")).isTrue();
        assertThat(args.flag("env")).isFalse();
    }

    @Test
    void treatsDashHAsHelp() {
        assertThat(CommandArgs.parse(List.of("-h"), VALUED, FLAGS).flag("help")).isTrue();
    }

    @Test
    void namesTheOffendingOption() {
        assertThatThrownBy(() -> CommandArgs.parse(List.of("--nope"), VALUED, FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --nope");
        assertThatThrownBy(() -> CommandArgs.parse(List.of("--env"), VALUED, FLAGS))
                .hasMessage("option --env needs a value");
        assertThatThrownBy(() -> CommandArgs.parse(List.of("--json=yes"), VALUED, FLAGS))
                .hasMessage("option --json takes no value");
    }
}
