package mcs.verifier.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the record holds besides the SPEC §6 examples: seeded family instances by tier. {@code tiny} is
 * small enough to re-verify in CI in seconds; {@code public} has larger instances for users. Changing
 * this list and running {@code mcs record build} regenerates the library deterministically.
 */
final class LibraryPlan {
    private LibraryPlan() {}

    /** One generated item: a family at (n, seed) with parameters {@code k=v}. */
    record Spec(String tier, String family, int n, long seed, Map<String, String> params) {
        String id() {
            StringBuilder sb = new StringBuilder(family).append("-n").append(n).append("-s").append(seed);
            params.forEach((k, v) -> sb.append('-').append(k).append(v.replace('/', '_')));
            return sb.toString();
        }
    }

    static List<Spec> specs() {
        List<Spec> s = new ArrayList<>();
        for (String tier : List.of("tiny", "public")) {
            boolean tiny = tier.equals("tiny");
            for (String answer : List.of("yes", "no")) {
                for (long seed = 1; seed <= (tiny ? 2 : 1); seed++) {
                    s.add(spec(tier, "random-sparse", tiny ? 12 : 400, seed, "answer", answer));
                    s.add(spec(tier, "chordal", tiny ? 15 : 600, seed, "answer", answer, "shape", seed == 1 ? "ktree" : "band"));
                    s.add(spec(tier, "grid", tiny ? 16 : 400, seed, "answer", answer));
                    s.add(spec(tier, "cycle", tiny ? 8 : 60, seed, "answer", answer));
                    s.add(spec(tier, "dense", tiny ? 8 : 60, seed, "answer", answer));
                }
            }
            s.add(spec(tier, "gamma2", tiny ? 8 : 32, 1, "t", tiny ? "1/2" : "1/4"));
            s.add(spec(tier, "gamma2", tiny ? 8 : 32, 1, "t", tiny ? "3/5" : "3/10"));
            s.add(spec(tier, "mc2-random", tiny ? 10 : 300, 1, "omega", "random", "k", tiny ? "n" : "20"));
            s.add(spec(tier, "mc2-random", tiny ? 10 : 300, 2, "omega", "banded", "diagonal", "false", "k", tiny ? "n" : "20"));
            s.add(spec(tier, "perm-ones", tiny ? 6 : 20, 1));
            s.add(spec(tier, "perm-derangement", tiny ? 7 : 20, 1));
            s.add(spec(tier, "perm-rank-one", tiny ? 6 : 16, 1));
            s.add(spec(tier, "perm-tridiagonal", tiny ? 10 : 24, 1));
            s.add(spec(tier, "perm-gaussian-rank-one", tiny ? 6 : 20, 1));
            s.add(spec(tier, "haf-gaussian-rank-one", tiny ? 8 : 28, 1));
            s.add(spec(tier, "perm-block-diagonal", tiny ? 9 : 24, 1));
            s.add(spec(tier, "perm-01", tiny ? 8 : 18, 1));
            s.add(spec(tier, "perm-pm1", tiny ? 8 : 16, 1));
            s.add(spec(tier, "perm-gaussian", tiny ? 5 : 10, 1));
            s.add(spec(tier, "haf-ones", tiny ? 8 : 16, 1));
            s.add(spec(tier, "haf-block", tiny ? 10 : 24, 1));
            s.add(spec(tier, "haf-bipartite", tiny ? 8 : 24, 1, "kind", "ones"));
            s.add(spec(tier, "haf-bipartite", tiny ? 10 : 20, 2, "kind", "rank-one"));
            s.add(spec(tier, "lhaf-rank-one", tiny ? 7 : 20, 1));
            s.add(spec(tier, "gbs-amplitude", tiny ? 8 : 20, 1));
            s.add(spec(tier, "gbs-amplitude", tiny ? 6 : 10, 2, "field", "complex"));
            s.add(spec(tier, "gbs-covariance", tiny ? 8 : 20, 1));
            s.add(spec(tier, "gbs-pattern", tiny ? 5 : 10, 1, "photons", tiny ? "8" : "20"));
        }
        for (String c : List.of("7071/10000", "7072/10000", "707/1000", "708/1000")) s.add(spec("tiny", "near-boundary", 4, 1, "c", c));
        return s;
    }

    private static Spec spec(String tier, String family, int n, long seed, String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) p.put(kv[k], kv[k + 1]);
        return new Spec(tier, family, n, seed, p);
    }
}
