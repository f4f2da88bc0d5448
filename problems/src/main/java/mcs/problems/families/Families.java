package mcs.problems.families;

import java.util.List;
import java.util.Optional;

/** The registry of instance families, in a fixed order: MC1, MC2, then permanent-style families. */
public final class Families {
    private static final List<Family> ALL = List.of(
            new RandomSparseFamily(),
            new ChordalFamily(),
            new CycleFamily(),
            new NearBoundaryFamily(),
            new Gamma2Family(),
            new GridFamily(),
            new DenseFamily(),
            new GapCyclesFamily(),
            new GapGamma2Family(),
            new GapChordalFamily(),
            new GapPlantedFamily(),
            new Mc2RandomFamily(),
            PermRandomFamily.bernoulli(),
            PermRandomFamily.signs(),
            PermRandomFamily.gaussian(),
            PermRandomFamily.exponential(),
            PermRandomFamily.wishart(),
            GaussianRankOneFamily.permanent(),
            GaussianRankOneFamily.hafnian(),
            new PermClosedFormFamily("perm-ones", PermClosedFormFamily.Kind.ONES),
            new PermClosedFormFamily("perm-derangement", PermClosedFormFamily.Kind.DERANGEMENT),
            PermStructuredFamily.rankOne(),
            new PermClosedFormFamily("perm-tridiagonal", PermClosedFormFamily.Kind.TRIDIAGONAL),
            PermStructuredFamily.blockDiagonal(),
            new PermClosedFormFamily("haf-ones", PermClosedFormFamily.Kind.HAF_ONES),
            HafClosedFormFamily.block(),
            HafClosedFormFamily.bipartite(),
            HafClosedFormFamily.loopRankOne(),
            HafRandomFamily.bernoulli(),
            HafRandomFamily.gaussian(),
            HafRandomFamily.wishart(),
            GbsFamily.amplitude(),
            GbsFamily.covariance(),
            GbsFamily.pattern());

    private Families() {}

    /** Every family, in registry order (immutable). */
    public static List<Family> all() {
        return ALL;
    }

    /** The family with this exact name, if any. */
    public static Optional<Family> byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
