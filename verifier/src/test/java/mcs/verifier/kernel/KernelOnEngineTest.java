package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.testkit.Matrices;
import mcs.testkit.NaiveCertificates;
import mcs.verifier.search.Search;
import mcs.verifier.search.SearchConfig;
import mcs.verifier.search.gen.Mc1Gens;
import org.junit.jupiter.api.Test;

/**
 * Kernel soundness on the search engine: on edge-case instances, the kernel ACCEPTS a completion (entries
 * form, small random fill) and a witness (W = vvᵀ on one pair of indices, which may lie off Ω) exactly when the
 * naive semantics of {@link mcs.testkit.NaiveCertificates} say they are valid. Any disagreement would be shrunk.
 */
class KernelOnEngineTest {
    @Test
    void kernelAgreesWithTheNaiveSemantics() {
        Property p = new Property() {
            public String name() {
                return "test:kernel-equals-naive";
            }

            public Problem problem() {
                return Problem.PSD_COMPLETION;
            }

            public String description() {
                return "Kernel.check accepts exactly the valid certificates";
            }

            public PropertyResult check(Instance inst, Oracle o) {
                Mc1Instance m = (Mc1Instance) inst;
                Pattern pat = m.matrix().pattern();
                int n = m.n();
                // the certificate is a function of the instance, so the property is deterministic
                SplittableRandom rng = new SplittableRandom(java.util.Arrays.deepHashCode(Matrices.target(m)));
                List<Entry> fill = new ArrayList<>();
                for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) if (!pat.contains(i, j)) fill.add(new Entry(i, j, Rational.of(rng.nextInt(5) - 2, 2)));
                // W = v vᵀ with v = x·e_a − s·y·e_b, s the sign of a_ab: negative on Ω-data whose 2×2 block is not PSD
                List<Entry> w = new ArrayList<>();
                int a = rng.nextInt(n), b = rng.nextInt(n);
                long x = 1 + rng.nextInt(3), y = a == b ? 0 : 1 + rng.nextInt(3);
                Rational ab = a == b ? null : m.matrix().get(a, b);
                long s = ab == null || ab.signum() >= 0 ? 1 : -1;
                w.add(new Entry(a, a, Rational.of(x * x)));
                if (y != 0) {
                    w.add(new Entry(b, b, Rational.of(y * y)));
                    w.add(new Entry(Math.max(a, b), Math.min(a, b), Rational.of(-s * x * y)));
                }
                List<String> labels = new ArrayList<>();
                for (Certificate c : List.of(Certificate.completion(null, new Body.Entries(fill)), Certificate.witness(null, new Body.Entries(w)))) {
                    boolean valid = NaiveCertificates.valid(m, c);
                    Judgement j = Kernel.check(m, null, c, KernelOptions.defaults());
                    labels.add(c.verdict() + (valid ? "-valid" : "-invalid"));
                    if (valid != j.isAccepted()) {
                        return new PropertyResult(PropertyResult.Outcome.FAIL, c.verdict() + ": naive " + valid + ", kernel " + j.outcome() + " " + j.reason(), 1, labels, Map.of(), null);
                    }
                }
                return PropertyResult.pass(0, labels);
            }
        };
        SearchConfig c = SearchConfig.of(p, "edge-cases", Mc1Gens.edgeCases(), 11, 2, 6, 600, 2);
        Search.Outcome o = Search.run(c, null, null);
        assertTrue(o.found().isEmpty(), () -> o.found().get().shrunk().result().message());
        var counts = o.statistics().counts();
        for (String l : List.of("COMPLETABLE-valid", "COMPLETABLE-invalid", "NOT_COMPLETABLE-valid", "NOT_COMPLETABLE-invalid")) {
            assertTrue(counts.getOrDefault(l, 0L) >= 5, l + " covered too rarely: " + counts);
        }
    }
}
