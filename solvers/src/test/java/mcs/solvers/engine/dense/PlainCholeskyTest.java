package mcs.solvers.engine.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The plain Cholesky: its factor reproduces A, a failing pivot is reported with its value, and the hook runs per column. */
class PlainCholeskyTest {
    @Test
    void factorOfAPositiveDefiniteMatrixReproducesIt() {
        double[] a = {4, 99, 99, 2, 10, 99, -2, 1, 6};
        double[] l = a.clone();
        AtomicInteger columns = new AtomicInteger();
        assertEquals(-1, PlainCholesky.factor(l, 3, columns::incrementAndGet));
        assertEquals(3, columns.get());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k <= j; k++) s += l[i * 3 + k] * l[j * 3 + k];
                assertEquals(a[i * 3 + j], s, 1e-12, "(LLᵀ)_" + i + j);
            }
            for (int j = i + 1; j < 3; j++) assertEquals(99, l[i * 3 + j], "the strict upper triangle is not touched");
        }
    }

    @Test
    void theFirstFailingPivotIsReportedWithItsValue() {
        double[] a = {1, 0, 0, 2, 3, 0, 0, 0, 1}; // pivot 2: 3 − 2² = −1
        assertEquals(1, PlainCholesky.factor(a, 3, null));
        assertEquals(-1, a[4], 0);
        assertEquals(1, a[8], 0, "later columns untouched");
        double[] nan = {Double.NaN};
        assertEquals(0, PlainCholesky.factor(nan, 1, null));
        assertTrue(Double.isNaN(nan[0]));
    }
}
