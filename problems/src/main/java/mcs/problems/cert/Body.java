package mcs.problems.cert;

import java.util.List;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.RationalMatrix;

/**
 * The forms of SPEC §2/§3.2. A body means different things by position: as a YES completion or MC2
 * answer, {@link Entries} lists the unspecified (resp. off-Ω) values and {@link Factor} is X = FFᵀ + δI + Δ;
 * as a NO witness, {@link Entries} lists W on Ω, {@link Ldl} is W = PᵀLDLᵀP and {@link Factor} is
 * W = VVᵀ + δI (shift δ ≥ 0, null meaning 0). {@link Chordal} is an mcs extension for MC1 YES answers on chordal patterns (see
 * docs/DECISIONS.md, "Certificate extensions"). All indices are 0-based in memory.
 *
 * <p>Bodies are immutable: lists are copied with {@link List#copyOf}, arrays are copied in and handed
 * out as copies, and {@link RationalMatrix} and {@link Rational} are immutable themselves.
 */
public sealed interface Body permits Body.Entries, Body.Factor, Body.Ldl, Body.Chordal {
    String form();

    record Entries(List<Entry> entries) implements Body {
        public Entries {
            entries = List.copyOf(entries);
        }

        @Override
        public String form() {
            return "entries";
        }
    }

    /**
     * {@code shift} is δ: for a completion X = FFᵀ + δI + Δ it is required; for a NO witness W = VVᵀ + δI it
     * is optional (null means 0). δI lies on the diagonal, which an MC1 Ω always contains, so only VVᵀ's
     * support is checked (SOUNDNESS.md §2.3).
     */
    record Factor(RationalMatrix factor, Rational shift) implements Body {
        @Override
        public String form() {
            return "factor";
        }
    }

    /**
     * {@code order[k]} is p_k (0-based): (Px)_k = x_{p_k}. {@code l} lists the strictly lower entries of the
     * unit lower-triangular L (i &gt; j), {@code d} the diagonal of D.
     */
    record Ldl(int[] order, List<Entry> l, Rational[] d) implements Body {
        public Ldl {
            order = order.clone();
            l = List.copyOf(l);
            d = d.clone();
        }

        /** A copy: the body is immutable. */
        @Override
        public int[] order() {
            return order.clone();
        }

        /** A copy: the body is immutable. */
        @Override
        public Rational[] d() {
            return d.clone();
        }

        @Override
        public String form() {
            return "ldl";
        }
    }

    /**
     * MC1 YES hint for a chordal G(Ω) (mcs extension, form {@code chordal}): {@code order[t]} (0-based) is
     * the vertex eliminated t-th. Claim: the order is a perfect elimination ordering of G(Ω) and every
     * block C(v) = {v} ∪ {later neighbours of v} is PSD, so a PSD completion exists
     * (Grone–Johnson–Sá–Wolkowicz 1984). The completion itself is not written down.
     *
     * <p>{@code fill} (optional, empty by default) lists values for some unspecified off-diagonal pairs
     * (strictly lower, i &gt; j); the claim is then made for the partial matrix on Ω ∪ fill: its graph is
     * chordal with this order and every block is PSD. A completion of that partial matrix is one of the
     * instance. This lets solvers that triangulate a non-chordal G(Ω) (clique-separator atoms, cycles by a
     * fan of chords) ship a cheap certificate.
     */
    record Chordal(int[] order, List<Entry> fill) implements Body {
        public Chordal {
            order = order.clone();
            fill = List.copyOf(fill);
        }

        public Chordal(int[] order) {
            this(order, List.of());
        }

        /** A copy: the body is immutable. */
        @Override
        public int[] order() {
            return order.clone();
        }

        @Override
        public String form() {
            return "chordal";
        }
    }
}
