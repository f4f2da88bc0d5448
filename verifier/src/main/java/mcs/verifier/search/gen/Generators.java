package mcs.verifier.search.gen;

import static mcs.verifier.search.gen.Gen.weight;

import java.util.Map;
import mcs.problems.families.Families;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;

/**
 * The default generator of each problem: mostly edge cases, with a share of the project's families. MC1:
 * {@link Mc1Gens#edgeCases()} (weight 8), {@code cycle answer=random} (1), {@code random-sparse} with
 * answer yes (1) and no (1). Permanents: {@link PermGens#edgeCases()} (8), {@code perm-01} (1),
 * {@code perm-pm1} (1). Hafnians and loop hafnians: {@link SymmetricGens#edgeCases}.
 */
public final class Generators {
    private Generators() {}

    public static final String DEFAULT_NAME = "edge-cases+families";

    /** @throws IllegalArgumentException for a problem without a default generator (MC2) */
    public static Gen<Instance> defaultFor(Problem p) {
        return switch (p) {
            case PSD_COMPLETION -> Gen.oneOf(
                    weight(8, Mc1Gens.edgeCases().map(i -> (Instance) i)),
                    weight(1, family("cycle", Map.of("answer", "random"))),
                    weight(1, family("random-sparse", Map.of("answer", "yes"))),
                    weight(1, family("random-sparse", Map.of("answer", "no"))));
            case PERMANENT, PERMANENT_ESTIMATE -> Gen.oneOf(
                    weight(8, PermGens.edgeCases().map(i -> (Instance) i)),
                    weight(1, family("perm-01", Map.of())),
                    weight(1, family("perm-pm1", Map.of()))).map(i -> asProblem(i, p));
            case HAFNIAN, LOOP_HAFNIAN -> SymmetricGens.edgeCases(p).map(i -> (Instance) i);
            default -> throw new IllegalArgumentException("no default generator for " + p.id() + "; give --family");
        };
    }

    /** A permanent instance relabelled as another permanent-style problem (e.g. for estimators). */
    public static Instance asProblem(Instance i, Problem p) {
        if (i instanceof PermInstance q && q.problem() != p) return new PermInstance(p, q.field(), q.re(), q.im());
        return i;
    }

    private static Gen<Instance> family(String name, Map<String, String> params) {
        return FamilyGen.of(Families.byName(name).orElseThrow(), params);
    }
}
