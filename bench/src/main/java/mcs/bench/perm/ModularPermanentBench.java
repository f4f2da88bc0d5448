package mcs.bench.perm;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mcs.verifier.kernel.ModularPermanent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The verifier's exact permanent ({@link ModularPermanent}: Glynn mod 62-bit primes, Montgomery products,
 * CRT, chunks on the common pool) against a plain exact baseline in the same run: Ryser's formula in
 * BigInteger with Gray-code updates of the row sums (n BigInteger additions and multiplications per
 * subset). Input: seeded random integers in [−9, 9], so the modular version needs 2 primes at n = 16
 * and 3 at n = 20. Run: {@code java -jar bench/target/benchmarks.jar ModularPermanentBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ModularPermanentBench {
    @Param({"16", "20"})
    public int n;

    private BigInteger[][] a;

    @Setup
    public void setup() {
        Random rnd = new Random(2026L + n);
        a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = BigInteger.valueOf(rnd.nextInt(19) - 9);
        if (!ModularPermanent.permanent(a).equals(bigIntegerRyser(a))) throw new IllegalStateException("the two methods disagree");
    }

    @Benchmark
    public BigInteger modular() {
        return ModularPermanent.permanent(a);
    }

    @Benchmark
    public BigInteger bigIntegerRyserBaseline() {
        return bigIntegerRyser(a);
    }

    /** perm(A) = (−1)ⁿ Σ_S (−1)^|S| Π_i Σ_{j∈S} a_ij, subsets in Gray-code order, all in BigInteger. */
    static BigInteger bigIntegerRyser(BigInteger[][] a) {
        int n = a.length;
        BigInteger[] rowSums = new BigInteger[n];
        java.util.Arrays.fill(rowSums, BigInteger.ZERO);
        BigInteger total = BigInteger.ZERO;
        long g = 0;
        for (long t = 1; t < (1L << n); t++) {
            int j = Long.numberOfTrailingZeros(t);
            boolean adding = ((g >>> j) & 1) == 0;
            g ^= 1L << j;
            BigInteger prod = BigInteger.ONE;
            for (int i = 0; i < n; i++) {
                rowSums[i] = adding ? rowSums[i].add(a[i][j]) : rowSums[i].subtract(a[i][j]);
                prod = prod.multiply(rowSums[i]);
            }
            total = ((n - Long.bitCount(g)) & 1) == 0 ? total.add(prod) : total.subtract(prod);
        }
        return total;
    }
}
