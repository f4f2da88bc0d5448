package mcs.solvers.mc1.firstorder;

import mcs.problems.cert.Body;
import mcs.problems.matrix.PartialSymmetricMatrix;

/**
 * The YES side of the ε-promise (MC1-log, SPEC §1) shared by {@code dual-descent} and {@code mmw}: a YES instance has
 * a completion X ⪰ ε·I (unit diagonal; in general X ⪰ ε·min a_ii·I), so a − δI with δ = (3/4)·ε·min a_ii is still
 * completable with room (1/4)·ε·min a_ii. A factor F fitted to a − δI on Ω to within that room gives the completion
 * FFᵀ + δI + Δ with ‖Δ‖_F ≤ δ − margin, margin = (1/2)·ε·min a_ii, hence λmin ≥ margin by Weyl — checked exactly by
 * {@link FactorBuilder} before it is offered. On instances outside the promise (0 ≤ t* &lt; ε·…) the fit may fail:
 * then no YES is claimed.
 */
final class PromiseTarget {
    final double epsilon;
    /** δ in the data's coordinates. */
    final double shift;
    /** The λmin the completion is proven to have, in the data's coordinates. */
    final double margin;
    /** a − δI in the scaled coordinates: b with diagonal 1 − δ/a_ii. */
    final double[] target;
    private final double maxDiag;

    PromiseTarget(ScaledInstance p, double epsilon) {
        this.epsilon = epsilon;
        double minDiag = Double.POSITIVE_INFINITY, max = 0;
        for (int i = 0; i < p.n; i++) {
            double d = 1 / (p.invSqrt[i] * p.invSqrt[i]);
            minDiag = Math.min(minDiag, d);
            max = Math.max(max, d);
        }
        this.maxDiag = max;
        this.shift = 0.75 * epsilon * minDiag;
        this.margin = 0.5 * epsilon * minDiag;
        this.target = p.b.clone();
        for (int t = 0; t < p.m; t++) if (p.diagonal(t)) target[t] -= shift * p.invSqrt[p.row[t]] * p.invSqrt[p.row[t]];
    }

    /**
     * A completion with λmin ≥ {@link #margin} from the descent's current factor, or null while its residual (at most
     * max a_ii times larger in the data's coordinates) is not yet well inside the room δ − margin.
     */
    Body.Factor completion(PartialSymmetricMatrix a, ScaledInstance p, NearestCompletion nc) {
        if (!(Math.sqrt(nc.value) * maxDiag < 0.9 * (shift - margin))) return null;
        return FactorBuilder.build(a, p, nc.f, nc.r, shift, margin);
    }
}
