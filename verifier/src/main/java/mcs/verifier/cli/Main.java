package mcs.verifier.cli;

import java.io.PrintWriter;
import mcs.problems.io.InputException;
import mcs.verifier.sandbox.SandboxUnavailableException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mcs} command. Exit codes follow SPEC §5: 0 success, 1 internal error, 2 usage or invalid
 * input, 3 certificate rejected, 4 limit reached. Results go to stdout; progress and errors to stderr.
 */
@Command(
        name = "mcs",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Matrix completion solvers and prize verification: PSD completion (MC1), approximate squaring (MC2),",
            "permanents and hafnians. Every verdict comes with a certificate that an exact kernel checks."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (verify: certificate accepted)",
            "1:internal error",
            "2:usage error or invalid input (one line names the file and line)",
            "3:certificate rejected",
            "4:time or memory limit reached without an answer (verify: unverified within budget)"
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        // picocli otherwise registers converters for java.time and java.sql types by reflection at every start
        // (loading and initialising ~150 JDK classes); no mcs option has such a type.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        VerifyCommand direct = plainVerify(args, out);
        return direct != null ? executeDirect(direct, err) : executeWithPicocli(args, out, err);
    }

    /** {@link #execute} always through picocli (tests compare it with the fast path). */
    static int executeWithPicocli(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err, args);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError oom) {
            return outOfMemory(err);
        }
    }

    /**
     * {@code verify FILE CERT} and nothing else, both operands plain paths (no option, no {@code @}argument file,
     * nothing picocli would read other than as a path): the most common short run, which then skips building
     * picocli's model. Null for every other command line.
     */
    static VerifyCommand plainVerify(String[] args, PrintWriter out) {
        if (args.length != 3 || !args[0].equals("verify") || !plainOperand(args[1]) || !plainOperand(args[2])) return null;
        try {
            return VerifyCommand.direct(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2]), out);
        } catch (java.nio.file.InvalidPathException e) {
            return null;   // picocli words the error
        }
    }

    private static boolean plainOperand(String a) {
        return !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@';
    }

    private static int executeDirect(VerifyCommand command, PrintWriter err) {
        try {
            return command.call();
        } catch (OutOfMemoryError oom) {
            return outOfMemory(err);
        } catch (Exception ex) {
            return report(ex, err);
        }
    }

    private static int outOfMemory(PrintWriter err) {
        err.println("mcs: error: out of memory (give the JVM more with MCS_JAVA_OPTS=-Xmx...)");
        err.flush();
        return ExitCodes.LIMIT;
    }

    /** The subcommands, in the order {@code mcs --help} lists them. */
    static final java.util.List<String> COMMANDS = java.util.List.of("solve", "verify", "solvers", "generate", "demo", "record",
            "search", "submit", "estimate-eval", "arena", "study", "serve", "worker", "generate-completion", "help");

    /** The whole command tree (help, completion scripts). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command tree for {@code args}. picocli builds the model of every registered command by reflection,
     * in the interpreter, at every start; when the first argument names a command that needs no view of its
     * siblings, only that one is registered, which makes a short run such as {@code mcs verify} start about
     * twice as fast.
     * {@code help}, {@code generate-completion}, options of {@code mcs} itself and unknown names get the
     * whole tree, so their output is unchanged.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args == null || args.length == 0 ? null : args[0];
        boolean alone = first != null && COMMANDS.contains(first) && !first.equals("help") && !first.equals("generate-completion");
        for (String name : COMMANDS) {
            if (!alone || name.equals(first)) cl.addSubcommand(name, command(name));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(Failures.INSTANCE);
        cl.setExecutionExceptionHandler(Failures.INSTANCE);
        return cl;
    }

    /** A new instance of the named command (a switch, so that only the chosen command's class is loaded). */
    private static Object command(String name) {
        return switch (name) {
            case "solve" -> new SolveCommand();
            case "verify" -> new VerifyCommand();
            case "solvers" -> new SolversCommand();
            case "generate" -> new GenerateCommand();
            case "demo" -> new DemoCommand();
            case "record" -> new RecordCommand();
            case "search" -> new SearchCommand();
            case "submit" -> new SubmitCommand();
            case "estimate-eval" -> new EstimateEvalCommand();
            case "arena" -> new ArenaCommand();
            case "study" -> new StudyCommand();
            case "serve" -> new ServeCommand();
            case "worker" -> new WorkerCommand();
            case "generate-completion" -> new AutoComplete.GenerateCompletion();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * What a failed command prints and which exit code it gets. A named class, not two lambdas: resolving a
     * lambda links picocli's interfaces (Java 5 bytecode) while the start-up archive is dumped, and JDK 17 then
     * leaves them out of the archive, so every run would open the 20,000-entry jar to load them.
     */
    private static final class Failures implements CommandLine.IExitCodeExceptionMapper, CommandLine.IExecutionExceptionHandler {
        static final Failures INSTANCE = new Failures();

        @Override
        public int getExitCode(Throwable ex) {
            return exitCodeOf(ex);
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            return Main.report(ex, commandLine.getErr());
        }
    }

    /** Prints what a failed command prints (one line on stderr) and returns its exit code. */
    static int report(Exception ex, PrintWriter e) {
        if (ex instanceof InputException ie) {
            e.println("mcs: error: " + ie.oneLine());
        } else if (ex instanceof UsageException ue) {
            e.println("mcs: error: " + ue.getMessage());
        } else if (ex instanceof SandboxUnavailableException su) {
            e.println("mcs: error: " + su.getMessage());
        } else {
            e.println("mcs: internal error: " + ex);
            if (System.getenv("MCS_DEBUG") != null) ex.printStackTrace(e);
        }
        e.flush();
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof InputException || ex instanceof UsageException || ex instanceof SandboxUnavailableException) return ExitCodes.INVALID_INPUT;
        if (ex instanceof CommandLine.ParameterException) return ExitCodes.INVALID_INPUT;
        return ExitCodes.INTERNAL;
    }
}
