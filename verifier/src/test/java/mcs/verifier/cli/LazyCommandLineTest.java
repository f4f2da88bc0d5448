package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The start-up shortcut of {@link Main}: only the named subcommand is built, and nothing users see changes. */
class LazyCommandLineTest {
    private static CommandLine tree(String... args) {
        PrintWriter w = new PrintWriter(new StringWriter());
        return Main.commandLine(w, w, args);
    }

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertEquals(List.of("verify"), List.copyOf(tree("verify", "a.mtx", "b.json").getSubcommands().keySet()));
        assertEquals(List.of("solve"), List.copyOf(tree("solve", "--json", "x.mtx").getSubcommands().keySet()));
    }

    @Test
    void helpCompletionOptionsAndUnknownNamesGetTheWholeTree() {
        for (String[] args : List.of(new String[] {}, new String[] {"help"}, new String[] {"generate-completion"},
                new String[] {"--version"}, new String[] {"verfiy"})) {
            assertEquals(Main.COMMANDS, List.copyOf(tree(args).getSubcommands().keySet()), String.join(" ", args));
        }
    }

    @Test
    void picocliGetsHandlersTheStartUpArchiveCanHold() {
        // A lambda (a hidden class) for one of picocli's interfaces links that Java 5 interface while the launcher
        // dumps its archive, and JDK 17 then leaves it out: every run would index the whole jar to load it.
        CommandLine cl = tree("verify", "a.mtx", "b.json");
        for (Object handler : List.of(cl.getExitCodeExceptionMapper(), cl.getExecutionExceptionHandler())) {
            assertFalse(handler.getClass().isHidden(), handler.getClass().getName());
            assertFalse(handler.getClass().isSynthetic(), handler.getClass().getName());
        }
    }

    @Test
    void everyCommandNameMatchesItsAnnotation() {
        CommandLine all = tree();
        for (String name : Main.COMMANDS) {
            Object command = all.getSubcommands().get(name).getCommandSpec().userObject();
            assertEquals(name, command.getClass().getAnnotation(CommandLine.Command.class).name());
        }
    }

    @Test
    void helpOfASubcommandAndTheCompletionScriptAreUnchanged() {
        Cli help = Cli.run("verify", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().startsWith("Usage: mcs verify"), help.toString());
        Cli completion = Cli.run("generate-completion");
        assertEquals(0, completion.code(), completion.toString());
        for (String name : List.of("solve", "verify", "arena", "estimate-eval")) assertTrue(completion.out().contains(name), name);
        Cli top = Cli.run("--help");
        for (String name : Main.COMMANDS) assertTrue(top.out().contains(name), name);
    }

    @Test
    void aShortVerifyRunsThroughTheShortcut() {
        Cli v = Cli.run("verify", Cli.example("spec-3x3-no.mtx"), Cli.example("spec-3x3-no.cert.json"));
        assertEquals(0, v.code(), v.toString());
        assertTrue(v.out().startsWith("ACCEPTED"), v.toString());
    }
}
