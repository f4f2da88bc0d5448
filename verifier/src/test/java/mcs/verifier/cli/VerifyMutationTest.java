package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutations of certificate files through {@code mcs verify}: the ones below can never leave a
 * certificate valid, so each must give exit code 3 with a reason. (Value mutations that may keep a
 * certificate valid are covered against an independent checker in the kernel's MutationTest.)
 */
class VerifyMutationTest {
    private static final Pattern NUMBER = Pattern.compile("\"(-?[0-9][0-9./e+-]*)\"");

    record Case(String instance, String cert) {}

    private static List<Case> validCertificates(Path dir) {
        List<Case> out = new ArrayList<>();
        for (String f : new String[] {"spec-3x3-yes.mtx", "spec-3x3-no.mtx", "zero-diagonal.mtx", "perm-4x4.mtx", "mc2-spec.json"}) {
            Path cert = dir.resolve(f + ".json");
            Cli s = Cli.run("solve", Cli.example(f), "--certificate", cert.toString());
            assertEquals(0, s.code(), s::toString);
            out.add(new Case(Cli.example(f), cert.toString()));
        }
        for (String[] g : new String[][] {{"near-boundary", "c=4/5"}, {"gamma2", "t=1"}, {"random-sparse", "answer=yes"}}) {
            Path inst = dir.resolve(g[0] + ".mtx"), cert = dir.resolve(g[0] + ".cert.json");
            Cli s = Cli.run("generate", g[0], "-P", g[1], "-o", inst.toString(), "--certificate", cert.toString());
            assertEquals(0, s.code(), s::toString);
            out.add(new Case(inst.toString(), cert.toString()));
        }
        for (Case c : out) assertEquals(0, Cli.run("verify", c.instance(), c.cert()).code(), c::toString);
        return out;
    }

    private static void assertRejected(Case c, String mutated, Path dir, String what) throws Exception {
        Path m = dir.resolve("mutant.json");
        Files.writeString(m, mutated, StandardCharsets.UTF_8);
        Cli v = Cli.run("verify", c.instance(), m.toString(), "--json");
        assertEquals(3, v.code(), () -> what + " of " + c + "\n" + mutated + "\n" + v);
        assertTrue(v.out().contains("\"REJECTED\""), v::toString);
    }

    @Test
    void alwaysInvalidMutationsAreRejected(@TempDir Path dir) throws Exception {
        int mutants = 0;
        for (Case c : validCertificates(dir)) {
            String text = Files.readString(Path.of(c.cert()), StandardCharsets.UTF_8);
            assertRejected(c, text.replaceFirst("\"instance_sha256\"\\s*:\\s*\"[0-9a-f]{64}\"", "\"instance_sha256\": \"" + "0".repeat(64) + "\""), dir, "wrong hash");
            mutants++;
            Matcher num = NUMBER.matcher(text);
            List<int[]> spans = new ArrayList<>();
            while (num.find()) spans.add(new int[] {num.start(1), num.end(1)});
            for (int[] sp : spans) {
                for (String junk : new String[] {"NaN", "Infinity", "one", "1/0", ""}) {
                    assertRejected(c, text.substring(0, sp[0]) + junk + text.substring(sp[1]), dir, "number -> '" + junk + "'");
                    mutants++;
                }
            }
            String swapped = text.contains("\"NOT_COMPLETABLE\"") ? text.replace("\"NOT_COMPLETABLE\"", "\"COMPLETABLE\"")
                    : text.contains("\"COMPLETABLE\"") ? text.replace("\"COMPLETABLE\"", "\"NOT_COMPLETABLE\"")
                    : text.replace("\"SOLVED\"", "\"UNKNOWN\"");
            assertRejected(c, swapped, dir, "verdict swapped");
            assertRejected(c, text.replace("\"format\"", "\"formats\""), dir, "format field");
            assertRejected(c, text.substring(0, text.length() / 2), dir, "truncated");
            mutants += 3;
            if (text.contains("\"shift\"")) {
                assertRejected(c, text.replaceFirst("\"shift\"\\s*:\\s*\"[^\"]*\"", "\"shift\": \"-1/1000\""), dir, "negative shift");
                mutants++;
            }
            if (text.contains("\"value\"")) {
                assertRejected(c, text.replaceFirst("\"value\"\\s*:\\s*\"-1471\"", "\"value\": \"-1472\""), dir, "value off by one");
                assertRejected(c, text.replaceFirst("\"value\"\\s*:\\s*\"-1471\"", "\"value\": \"1471\""), dir, "value sign");
                mutants += 2;
            }
        }
        assertTrue(mutants > 50, "mutants: " + mutants);
    }
}
