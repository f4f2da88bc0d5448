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
        subcommands = {
            SolveCommand.class,
            VerifyCommand.class,
            SolversCommand.class,
            GenerateCommand.class,
            DemoCommand.class,
            RecordCommand.class,
            SearchCommand.class,
            SubmitCommand.class,
            EstimateEvalCommand.class,
            ArenaCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class
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
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError oom) {
            err.println("mcs: error: out of memory (give the JVM more with MCS_JAVA_OPTS=-Xmx...)");
            err.flush();
            return ExitCodes.LIMIT;
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(Main::exitCodeOf);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
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
        });
        return cl;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof InputException || ex instanceof UsageException || ex instanceof SandboxUnavailableException) return ExitCodes.INVALID_INPUT;
        if (ex instanceof CommandLine.ParameterException) return ExitCodes.INVALID_INPUT;
        return ExitCodes.INTERNAL;
    }
}
