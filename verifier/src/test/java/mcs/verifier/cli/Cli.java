package mcs.verifier.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the mcs command in-process and captures its exit code, stdout and stderr. */
record Cli(int code, String out, String err) {
    static Cli run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Cli(code, o.toString(), e.toString());
    }

    /** The examples folder of the repository, found from the module's working directory. */
    static Path examples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !p.resolve("proofs-data").toFile().isDirectory()) p = p.getParent();
        if (p == null) throw new IllegalStateException("proofs-data not found above " + Path.of("").toAbsolutePath());
        return p.resolve("proofs-data").resolve("examples");
    }

    static String example(String name) {
        return examples().resolve(name).toString();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
