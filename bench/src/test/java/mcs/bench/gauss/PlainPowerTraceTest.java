package mcs.bench.gauss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mcs.problems.cert.ComplexValue;
import mcs.problems.instance.Problem;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.Solvers;
import org.junit.jupiter.api.Test;

/**
 * The baseline computes what it claims: both ways to the power traces give the hafnian and loop hafnian that
 * {@code hafnian-exact-cycles} / {@code loop-hafnian-exact-cycles} compute exactly, real and complex.
 */
class PlainPowerTraceTest {
    @Test
    void bothTraceMethodsGiveTheExactValue() {
        for (int n : new int[] {2, 8, 14}) {
            for (boolean complex : new boolean[] {false, true}) {
                for (boolean loop : new boolean[] {false, true}) {
                    GaussCases c = new GaussCases(n, complex, loop, 5);
                    ComplexValue exact = ComplexValue.parse(Solvers.byName(loop ? "loop-hafnian-exact-cycles" : "hafnian-exact-cycles",
                            loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN).orElseThrow().solve(c.instance, null, SolverOptions.defaults()).value());
                    double er = exact.re().toDouble(), ei = exact.im().toDouble(), scale = Math.max(1, Math.hypot(er, ei));
                    for (PlainPowerTrace.Traces how : PlainPowerTrace.Traces.values()) {
                        double[] v = PlainPowerTrace.value(c.re, c.im, loop, how);
                        String where = how + " n=" + n + " complex=" + complex + " loop=" + loop;
                        assertEquals(er, v[0], 1e-9 * scale, where);
                        assertEquals(ei, v[1], 1e-9 * scale, where);
                    }
                }
            }
        }
    }
}
