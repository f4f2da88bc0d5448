package mcs.problems.instance;

import java.util.Optional;
import mcs.problems.matrix.PartialSymmetricMatrix;

/** MC1, PSD completion: is there X ⪰ 0 with X = a on Ω? Optionally under an ε-promise. */
public record Mc1Instance(PartialSymmetricMatrix matrix, Optional<Promise> promise) implements Instance {
    public Mc1Instance(PartialSymmetricMatrix matrix) {
        this(matrix, Optional.empty());
    }

    @Override
    public Problem problem() {
        return Problem.PSD_COMPLETION;
    }

    @Override
    public Mc1Instance deepCopy() {
        return new Mc1Instance(matrix.copy(), promise);
    }

    @Override
    public int n() {
        return matrix.n();
    }

    @Override
    public long m() {
        return matrix.m();
    }
}
