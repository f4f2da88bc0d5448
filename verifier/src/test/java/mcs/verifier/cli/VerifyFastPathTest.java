package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Main's fast path for {@code mcs verify FILE CERT}: taken only for plain operands, and indistinguishable from picocli's. */
class VerifyFastPathTest {
    @TempDir Path dir;

    private static Cli viaPicocli(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.executeWithPicocli(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Cli(code, o.toString(), e.toString());
    }

    private static VerifyCommand plain(String... args) {
        return Main.plainVerify(args, new PrintWriter(new StringWriter()));
    }

    @Test
    void onlyTwoPlainOperandsTakeTheFastPath() {
        assertNotNull(plain("verify", "a.mtx", "b.json"));
        assertNotNull(plain("verify", "dir/a b.mtx", "./b.json"));
        for (String[] args : List.of(new String[] {"verify", "a.mtx"}, new String[] {"verify", "a.mtx", "b.json", "--json"},
                new String[] {"verify", "--json", "a.mtx", "b.json"}, new String[] {"verify", "a.mtx", "-"},
                new String[] {"verify", "@args", "b.json"}, new String[] {"verify", "", "b.json"},
                new String[] {"verify", "a.mtx", "a\0b"}, new String[] {"solve", "a.mtx", "b.json"},
                new String[] {"verify", "-h", "b.json"}, new String[] {"verify", "--all", "proofs-data"})) {
            assertNull(plain(args), String.join(" ", args));
        }
    }

    @Test
    void theFastPathHasPicocliDefaults() {
        VerifyCommand parsed = new VerifyCommand();
        new CommandLine(parsed).parseArgs("a.mtx", "b.json");
        VerifyCommand direct = plain("verify", "a.mtx", "b.json");
        assertEquals(parsed.file, direct.file);
        assertEquals(parsed.cert, direct.cert);
        assertEquals(parsed.tolerance, direct.tolerance);
        assertEquals(parsed.permMaxN, direct.permMaxN);
        assertEquals(parsed.timeBudget, direct.timeBudget);
        assertEquals(parsed.json, direct.json);
        assertEquals(parsed.problem, direct.problem);
        assertEquals(parsed.all, direct.all);
        assertEquals(parsed.tiers, direct.tiers);
    }

    @Test
    void verdictsOutputAndErrorsAreThoseOfPicocli() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.cert.json"), "{\"problem\": \"mc1\",\n  \"verdict\": ");
        Path garbage = Files.writeString(dir.resolve("garbage.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n3 3 x\n");
        String missing = dir.resolve("missing.mtx").toString();
        List<String[]> cases = List.of(
                new String[] {"verify", Cli.example("spec-3x3-yes.mtx"), Cli.example("spec-3x3-yes.cert.json")},
                new String[] {"verify", Cli.example("spec-3x3-no.mtx"), Cli.example("spec-3x3-no.cert.json")},
                new String[] {"verify", Cli.example("perm-3x3.mtx"), Cli.example("perm-3x3.cert.json")},
                new String[] {"verify", Cli.example("cycle4-c0.8.mtx"), Cli.example("cycle4-c0.6.cert.json")},
                new String[] {"verify", Cli.example("spec-3x3-yes.mtx"), broken.toString()},
                new String[] {"verify", garbage.toString(), Cli.example("spec-3x3-yes.cert.json")},
                new String[] {"verify", missing, Cli.example("spec-3x3-yes.cert.json")},
                new String[] {"verify", Cli.example("spec-3x3-yes.mtx"), missing});
        java.util.Set<Integer> codes = new java.util.TreeSet<>();
        for (String[] args : cases) {
            assertNotNull(plain(args), String.join(" ", args));
            Cli fast = Cli.run(args), slow = viaPicocli(args);
            assertEquals(slow.toString(), fast.toString(), String.join(" ", args));
            codes.add(fast.code());
        }
        // The cases reach every outcome: accepted, rejected and a bad input.
        assertEquals(java.util.Set.of(ExitCodes.OK, ExitCodes.REJECTED, ExitCodes.INVALID_INPUT), codes);
    }
}
