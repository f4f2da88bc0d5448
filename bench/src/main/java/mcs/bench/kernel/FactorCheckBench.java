package mcs.bench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The YES {@code factor} check (SPEC §2.1, Weyl bound) with m ≈ 10⁶ specified entries and r = 16:
 * n = 10⁵, random pattern of 9·10⁵ pairs, F with 8-digit decimal entries, a = FFᵀ + I on Ω exactly,
 * δ = 1 (so Δ = 0 and the certificate is accepted). Baselines in the same run: the same sum
 * ‖Δ‖_F² computed with {@link Rational} objects (a gcd per operation), and {@code kernelFactorCheckBigIntegers}, the
 * kernel on the same values stored as general rationals (not compact decimals), which takes its BigInteger route
 * (a BigInteger per value and per entry, as every check did before the long route of issue 18).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class FactorCheckBench {
    @Param({"100000"})
    public int n;

    @Param({"16"})
    public int r;

    private Mc1Instance instance;
    private Certificate certificate;
    private Mc1Instance instanceBig;
    private Certificate certificateBig;
    private long[] f;

    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(99);
        f = new long[n * r];
        RationalArray fa = new RationalArray(n * r);
        for (int k = 0; k < f.length; k++) {
            f[k] = rnd.nextInt(200_000_001) - 100_000_000;
            fa.setDecimal(k, f[k], -8);
        }
        RationalMatrix fm = new RationalMatrix(n, r, fa, new double[n * r]);
        List<int[]> pairs = new ArrayList<>();
        for (int t = 0; t < 900_000; t++) {
            int i = rnd.nextInt(n), j = rnd.nextInt(n);
            if (i != j) pairs.add(new int[] {i, j});
        }
        Pattern p = Pattern.of(n, pairs.toArray(new int[0][]));
        RationalArray va = new RationalArray(p.m());
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                long s = 0;
                for (int c = 0; c < r; c++) s += f[i * r + c] * f[j * r + c];
                if (i == j) s += 10_000_000_000_000_000L;
                va.setDecimal(k, s, -16);
            }
        }
        instance = new Mc1Instance(new PartialSymmetricMatrix(p, va, new double[p.m()]));
        certificate = Certificate.completion(null, new Body.Factor(fm, Rational.ONE));
        instanceBig = new Mc1Instance(new PartialSymmetricMatrix(p, spilled(va), new double[p.m()]));
        certificateBig = Certificate.completion(null, new Body.Factor(new RationalMatrix(n, r, spilled(fa), new double[n * r]), Rational.ONE));
    }

    /** The same values stored through {@link RationalArray#set}: non-integers leave the compact store. */
    private static RationalArray spilled(RationalArray a) {
        RationalArray b = new RationalArray(a.size());
        for (int k = 0; k < a.size(); k++) b.set(k, a.get(k));
        return b;
    }

    @Benchmark
    public Judgement kernelFactorCheckBigIntegers() {
        Judgement j = Kernel.check(instanceBig, null, certificateBig, KernelOptions.defaults());
        if (!j.isAccepted()) throw new IllegalStateException(j.reason());
        return j;
    }

    @Benchmark
    public Judgement kernelFactorCheck() {
        Judgement j = Kernel.check(instance, null, certificate, KernelOptions.defaults());
        if (!j.isAccepted()) throw new IllegalStateException(j.reason());
        return j;
    }

    @Benchmark
    public Rational rationalBaseline() {
        Pattern p = instance.matrix().pattern();
        Body.Factor body = (Body.Factor) certificate.body();
        RationalMatrix fm = body.factor();
        Rational sum = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.col(k);
                Rational s = Rational.ZERO;
                for (int c = 0; c < r; c++) s = s.add(fm.get(i, c).multiply(fm.get(j, c)));
                Rational d = instance.matrix().value(k).subtract(s);
                if (i == j) d = d.subtract(body.shift());
                sum = sum.add(i == j ? d.square() : d.square().multiply(2));
            }
        }
        return sum;
    }
}
