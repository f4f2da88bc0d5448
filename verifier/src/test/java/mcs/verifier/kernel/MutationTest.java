package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.Matrices;
import mcs.testkit.NaiveCertificates;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every single mutation of every valid certificate: the kernel accepts it exactly when the naive
 * {@link mcs.testkit.NaiveCertificates} semantics say it is still valid; mutations of the hash and verdict are always
 * rejected. No mutation is ever accepted without independent confirmation.
 */
class MutationTest {
    record Mutant(String what, Certificate cert, boolean mustReject) {}

    /** r changed by one unit in its last decimal digit (or numerator for non-decimal values), both ways. */
    static List<Rational> lastDigit(Rational r) {
        String s = r.toDecimalString();
        Rational unit;
        if (s.contains("/")) {
            unit = Rational.of(BigInteger.ONE, r.denominator());
        } else {
            int scale = Math.max(0, new BigDecimal(s).scale());
            unit = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(scale));
        }
        return List.of(r.add(unit), r.subtract(unit));
    }

    static List<Rational> numberMutations(Rational r) {
        List<Rational> out = new ArrayList<>(lastDigit(r));
        if (!r.isZero()) out.add(r.negate());
        return out;
    }

    static <T> List<T> replaced(List<T> list, int k, T v) {
        List<T> c = new ArrayList<>(list);
        c.set(k, v);
        return c;
    }

    static List<Mutant> mutants(Instance inst, Certificate cert) {
        List<Mutant> out = new ArrayList<>();
        Function<Body, Certificate> with = b -> new Certificate(cert.problem(), cert.instanceSha256(), cert.verdict(), b, null, true, null);
        Body body = cert.body();
        Pattern omega = Matrices.patternOf(inst);
        int n = inst.n();
        if (body instanceof Body.Entries e) {
            List<Entry> es = e.entries();
            for (int k = 0; k < es.size(); k++) {
                Entry x = es.get(k);
                for (Rational v : numberMutations(x.value())) {
                    out.add(new Mutant("entry " + (k + 1) + " -> " + v, with.apply(new Body.Entries(replaced(es, k, new Entry(x.i(), x.j(), v)))), false));
                }
                List<Entry> dropped = new ArrayList<>(es);
                dropped.remove(k);
                out.add(new Mutant("drop entry " + (k + 1), with.apply(new Body.Entries(dropped)), false));
                List<Entry> dup = new ArrayList<>(es);
                dup.add(x);
                out.add(new Mutant("duplicate entry " + (k + 1), with.apply(new Body.Entries(dup)), true));
            }
            // Add one entry on Ω and one off Ω (each position in turn), value 1/3 and the target where known.
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    final int ii = i, jj = j;
                    if (es.stream().anyMatch(x -> x.i() == ii && x.j() == jj)) continue;
                    List<Entry> added = new ArrayList<>(es);
                    added.add(new Entry(i, j, Rational.of(1, 3)));
                    out.add(new Mutant("add (" + (i + 1) + "," + (j + 1) + ")" + (omega.contains(i, j) ? " on Ω" : " off Ω"),
                            with.apply(new Body.Entries(added)), false));
                }
            }
            out.add(new Mutant("out of range", with.apply(new Body.Entries(concat(es, new Entry(n, 0, Rational.ONE)))), true));
        } else if (body instanceof Body.Factor f) {
            RationalMatrix m = f.factor();
            for (int i = 0; i < m.rows(); i++) {
                for (int c = 0; c < m.cols(); c++) {
                    for (Rational v : numberMutations(m.get(i, c))) {
                        out.add(new Mutant("F(" + (i + 1) + "," + (c + 1) + ") -> " + v, with.apply(new Body.Factor(set(m, i, c, v), f.shift())), false));
                    }
                }
            }
            Rational shift = f.shift() == null ? Rational.ZERO : f.shift();
            for (Rational v : numberMutations(shift)) out.add(new Mutant("shift -> " + v, with.apply(new Body.Factor(m, v)), false));
            out.add(new Mutant("negative shift", with.apply(new Body.Factor(m, Rational.of(-1, 1000))), true));
            out.add(new Mutant("drop a row", with.apply(new Body.Factor(dropRow(m), f.shift())), true));
        } else if (body instanceof Body.Ldl l) {
            for (int k = 0; k < n; k++) {
                for (Rational v : numberMutations(l.d()[k])) {
                    Rational[] d = l.d().clone();
                    d[k] = v;
                    out.add(new Mutant("d_" + (k + 1) + " -> " + v, with.apply(new Body.Ldl(l.order(), l.l(), d)), false));
                }
            }
            List<Entry> ls = l.l();
            for (int k = 0; k < ls.size(); k++) {
                Entry x = ls.get(k);
                for (Rational v : numberMutations(x.value())) {
                    out.add(new Mutant("l " + (k + 1) + " -> " + v, with.apply(new Body.Ldl(l.order(), replaced(ls, k, new Entry(x.i(), x.j(), v)), l.d())), false));
                }
                List<Entry> dropped = new ArrayList<>(ls);
                dropped.remove(k);
                out.add(new Mutant("drop l " + (k + 1), with.apply(new Body.Ldl(l.order(), dropped, l.d())), false));
            }
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    final int ii = i, jj = j;
                    if (ls.stream().anyMatch(x -> x.i() == ii && x.j() == jj)) continue;
                    out.add(new Mutant("add l(" + (i + 1) + "," + (j + 1) + ")", with.apply(new Body.Ldl(l.order(), concat(ls, new Entry(i, j, Rational.ONE)), l.d())), false));
                }
            }
            out.add(new Mutant("l on diagonal", with.apply(new Body.Ldl(l.order(), concat(ls, new Entry(1, 1, Rational.ONE)), l.d())), true));
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < a; b++) {
                    int[] p = l.order().clone();
                    int t = p[a];
                    p[a] = p[b];
                    p[b] = t;
                    out.add(new Mutant("swap order " + (a + 1) + "," + (b + 1), with.apply(new Body.Ldl(p, l.l(), l.d())), false));
                }
            }
            int[] bad = l.order().clone();
            bad[0] = bad[1];
            out.add(new Mutant("order not a permutation", with.apply(new Body.Ldl(bad, l.l(), l.d())), true));
        }
        String sha = cert.instanceSha256();
        String wrong = (sha.charAt(0) == 'a' ? 'b' : 'a') + sha.substring(1);
        out.add(new Mutant("wrong hash", cert.withInstanceSha256(wrong), true));
        for (Verdict v : Verdict.values()) {
            if (v == cert.verdict()) continue;
            out.add(new Mutant("verdict " + v, new Certificate(cert.problem(), sha, v, body, null, true, null), true));
        }
        return out;
    }

    static List<Entry> concat(List<Entry> es, Entry e) {
        List<Entry> c = new ArrayList<>(es);
        c.add(e);
        return c;
    }

    static RationalMatrix set(RationalMatrix m, int i, int c, Rational v) {
        Rational[] d = new Rational[m.rows() * m.cols()];
        for (int a = 0; a < m.rows(); a++) for (int b = 0; b < m.cols(); b++) d[a * m.cols() + b] = m.get(a, b);
        d[i * m.cols() + c] = v;
        return RationalMatrix.of(m.rows(), m.cols(), d);
    }

    static RationalMatrix dropRow(RationalMatrix m) {
        Rational[] d = new Rational[(m.rows() - 1) * m.cols()];
        for (int a = 0; a + 1 < m.rows(); a++) for (int b = 0; b < m.cols(); b++) d[a * m.cols() + b] = m.get(a, b);
        return RationalMatrix.of(m.rows() - 1, m.cols(), d);
    }

    @TestFactory
    List<DynamicTest> everyMutationIsJudgedCorrectly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Vectors.Case c : Vectors.all()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                int rejected = 0, stillValid = 0;
                for (Mutant m : mutants(c.instance(), c.certificate())) {
                    Judgement j = Kernel.check(c.instance(), Vectors.SHA, m.cert(), KernelOptions.defaults());
                    boolean valid = !m.mustReject() && NaiveCertificates.valid(c.instance(), m.cert());
                    assertEquals(valid ? Outcome.ACCEPTED : Outcome.REJECTED, j.outcome(),
                            c.name() + " / " + m.what() + ": " + j.reason());
                    if (valid) stillValid++;
                    else {
                        rejected++;
                        assertFalse(j.check().isBlank());
                        assertFalse(j.reason().isBlank());
                    }
                }
                assertTrue(rejected > 0, "no mutation of " + c.name() + " was rejected");
            }));
        }
        return tests;
    }

    @Test
    void mutationsAreNumerousAndSomeStayValid() {
        int total = 0, stillValid = 0;
        for (Vectors.Case c : Vectors.all()) {
            for (Mutant m : mutants(c.instance(), c.certificate())) {
                total++;
                if (!m.mustReject() && NaiveCertificates.valid(c.instance(), m.cert())) stillValid++;
            }
        }
        // Both branches of the judgement must be exercised in quantity.
        assertTrue(total > 500, "only " + total + " mutants");
        assertTrue(stillValid > 50 && total - stillValid > 300, stillValid + " valid of " + total);
    }
}
