package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's "tried as a new user": a Gaussian-boson-sampling matrix B = U·diag(tanh r)·Uᵀ (U unitary from a
 * seeded complex Gaussian by Gram–Schmidt, r = 0.8), written as a {@code coordinate complex symmetric} Matrix
 * Market file with 17-digit decimals, given to {@code mcs solve F --problem hafnian --json} with no solver named.
 * The answer has value, imag and statistics.error_bound; the verdict is honest: at order 36 the kernel cannot
 * afford the exact recomputation of 17-digit decimals and says UNVERIFIED naming its budget and the knob, never
 * ACCEPTED without a check (exit 0: an answer was given, SPEC §5). At order 20 the float answer (with its bound) is compared with the exact
 * hafnian of the same decimals.
 */
class CovarianceAsNewUserTest {
    private static final ObjectMapper M = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void order36ComplexCovarianceGivesValueBoundAndAnHonestVerdict() throws Exception {
        Path f = gbs(36, 17);
        Cli c = Cli.run("solve", f.toString(), "--problem", "hafnian", "--json");
        JsonNode j = M.readTree(c.out());
        assertEquals("hafnian-cycles", j.get("solver").asText(), c::toString);
        assertEquals("SOLVED", j.get("verdict").asText(), c::toString);
        assertFalse(j.get("exact").asBoolean(), c::toString);
        assertTrue(j.has("value") && j.has("imag"), c::toString);
        double bound = Double.parseDouble(j.get("statistics").get("error_bound").asText());
        double re = new BigDecimal(j.get("real").asText()).doubleValue(), im = new BigDecimal(j.get("imag").asText()).doubleValue();
        assertTrue(bound > 0 && bound < 1e-6 * Math.hypot(re, im), c::toString);
        JsonNode v = j.get("verification");
        assertEquals("UNVERIFIED", v.get("verdict").asText(), c::toString);
        assertTrue(v.get("reason").asText().contains("work budget") && v.get("reason").asText().contains("--perm-max-n"), c::toString);
        // an answer with its bound is a success (SPEC §5: 4 is a limit reached without an answer); the verdict says
        // that the kernel did not check it
        assertEquals(0, c.code(), c::toString);
    }

    @Test
    void order20BoundCoversTheExactError() throws Exception {
        Path f = gbs(20, 5);
        Cli flt = Cli.run("solve", f.toString(), "--problem", "hafnian", "--solver", "hafnian-cycles", "--json");
        Cli exact = Cli.run("solve", f.toString(), "--problem", "hafnian", "--solver", "hafnian-exact-cycles", "--json");
        assertEquals(0, exact.code(), exact::toString);
        JsonNode a = M.readTree(flt.out()), e = M.readTree(exact.out());
        assertTrue(e.get("exact").asBoolean(), exact::toString);
        assertEquals(0, flt.code(), flt::toString);
        assertTrue(a.get("verification").get("verdict").asText().matches("ACCEPTED|UNVERIFIED"), flt::toString);
        BigDecimal bound = new BigDecimal(a.get("statistics").get("error_bound").asText());
        BigDecimal err = decimal(a.get("real").asText()).subtract(decimal(e.get("real").asText())).abs()
                .add(decimal(a.get("imag").asText()).subtract(decimal(e.get("imag").asText())).abs());
        assertTrue(err.compareTo(bound) <= 0, "error " + err + " > bound " + bound);
    }

    /** A decimal or a fraction p/q as a BigDecimal (60 digits). */
    private static BigDecimal decimal(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) return new BigDecimal(s);
        return new BigDecimal(s.substring(0, slash)).divide(new BigDecimal(s.substring(slash + 1)), new java.math.MathContext(60));
    }

    /** B = U·diag(tanh 0.8)·Uᵀ, U from Gram–Schmidt on a seeded complex Gaussian, 17 significant digits. */
    private Path gbs(int n, long seed) throws Exception {
        Random rnd = new Random(seed);
        double[][] ur = new double[n][n], ui = new double[n][n]; // columns u_k = ur[.][k] + i·ui[.][k]
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) {
            ur[i][k] = rnd.nextGaussian();
            ui[i][k] = rnd.nextGaussian();
        }
        for (int k = 0; k < n; k++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int l = 0; l < k; l++) { // u_k −= <u_l, u_k>·u_l, <a, b> = Σ conj(a)·b
                    double pr = 0, pi = 0;
                    for (int i = 0; i < n; i++) {
                        pr += ur[i][l] * ur[i][k] + ui[i][l] * ui[i][k];
                        pi += ur[i][l] * ui[i][k] - ui[i][l] * ur[i][k];
                    }
                    for (int i = 0; i < n; i++) {
                        ur[i][k] -= pr * ur[i][l] - pi * ui[i][l];
                        ui[i][k] -= pr * ui[i][l] + pi * ur[i][l];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += ur[i][k] * ur[i][k] + ui[i][k] * ui[i][k];
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                ur[i][k] /= norm;
                ui[i][k] /= norm;
            }
        }
        double t = Math.tanh(0.8);
        StringBuilder sb = new StringBuilder("%%MatrixMarket matrix coordinate complex symmetric\n");
        sb.append(n).append(' ').append(n).append(' ').append(n * (n + 1) / 2).append('\n');
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double br = 0, bi = 0; // Σ_k u_ik·t·u_jk
                for (int k = 0; k < n; k++) {
                    br += t * (ur[i][k] * ur[j][k] - ui[i][k] * ui[j][k]);
                    bi += t * (ur[i][k] * ui[j][k] + ui[i][k] * ur[j][k]);
                }
                sb.append(String.format(Locale.ROOT, "%d %d %.16e %.16e%n", i + 1, j + 1, br, bi));
            }
        }
        Path p = dir.resolve("gbs" + n + ".mtx");
        Files.writeString(p, sb);
        return p;
    }
}
