package mcs.problems.families;

import mcs.problems.cert.Body;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;

/** Canonical texts of generated instances and known answers, for the determinism checks of the families. */
final class Canonical {
    private Canonical() {}

    /** A canonical text of an instance's exact data, for determinism checks. */
    static String dump(mcs.problems.instance.Instance inst) {
        StringBuilder b = new StringBuilder(inst.problem() + " n=" + inst.n() + " m=" + inst.m() + "\n");
        if (inst instanceof Mc1Instance mc1) {
            appendPattern(b, mc1.matrix().pattern(), mc1.matrix());
        } else if (inst instanceof mcs.problems.instance.Mc2Instance mc2) {
            appendPattern(b, mc2.omega(), null);
            b.append("diag=").append(mc2.omegaHasDiagonal()).append('\n');
            appendMatrix(b, mc2.a());
        } else if (inst instanceof mcs.problems.instance.PermInstance pi) {
            appendMatrix(b, pi.re());
        }
        return b.toString();
    }

    /** A canonical text of a known answer, certificate included. */
    static String dump(KnownAnswer k) {
        StringBuilder b = new StringBuilder(k.verdict() + " " + k.value() + " " + k.why() + "\n");
        if (k.certificate() instanceof Body.Factor f) {
            b.append("factor shift=").append(f.shift()).append('\n');
            appendMatrix(b, f.factor());
        } else if (k.certificate() != null) {
            b.append(k.certificate());
        }
        return b.toString();
    }

    private static void appendPattern(StringBuilder b, Pattern p, PartialSymmetricMatrix a) {
        for (int i = 0; i < p.n(); i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                b.append(i).append(',').append(p.col(k));
                if (a != null) b.append('=').append(a.value(k));
                b.append(' ');
            }
            b.append('\n');
        }
    }

    private static void appendMatrix(StringBuilder b, RationalMatrix m) {
        b.append(m.rows()).append('x').append(m.cols()).append('\n');
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) b.append(m.get(i, j)).append(' ');
            b.append('\n');
        }
    }
}
