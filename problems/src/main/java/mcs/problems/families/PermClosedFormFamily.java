package mcs.problems.families;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;

/**
 * Deterministic permanent/hafnian families with closed-form values: J_n, J_n − I_n, 0/1 tridiagonal, all-ones hafnian.
 *
 * <p>Cost: O(n²) for the matrix, O(n) big-integer products for the value.
 */
final class PermClosedFormFamily extends BaseFamily {
    enum Kind { ONES, DERANGEMENT, TRIDIAGONAL, HAF_ONES }

    private final Kind kind;

    PermClosedFormFamily(String name, Kind kind) {
        super(name, kind == Kind.HAF_ONES ? Problem.HAFNIAN : Problem.PERMANENT, kind == Kind.HAF_ONES ? 2 : 1, List.of());
        this.kind = kind;
    }

    @Override
    public String description() {
        return switch (kind) {
            case ONES -> "PERMANENT of the all-ones matrix J_n (no parameters; the seed is unused): every one of the n! "
                    + "permutations contributes 1, so perm(J_n) = n! (SOLVED, exact value).";
            case DERANGEMENT -> "PERMANENT of J_n − I_n (no parameters; the seed is unused): the permutations with a "
                    + "nonzero product are exactly the derangements, so the value is the derangement number "
                    + "D(n) = (n−1)(D(n−1) + D(n−2)), D(0) = 1, D(1) = 0 (SOLVED, exact value).";
            case TRIDIAGONAL -> "PERMANENT of the n×n 0/1 tridiagonal matrix with ones on the main, sub- and super-diagonal "
                    + "(no parameters; the seed is unused): expanding along the first row gives P(n) = P(n−1) + P(n−2), "
                    + "P(1) = 1, P(2) = 2, so perm = F(n+1) with F(1) = F(2) = 1 (SOLVED, exact value).";
            case HAF_ONES -> "HAFNIAN of the all-ones matrix of even order n = 2k (no parameters; the seed is unused; n must "
                    + "be even). The hafnian sums over perfect matchings and never reads the diagonal, which is set to 1 "
                    + "here (the matrix is J_n). There are (2k−1)!! = 1·3·5⋯(2k−1) perfect matchings, each of product 1 "
                    + "(SOLVED, exact value).";
        };
    }

    @Override
    Outcome build(int n, SplittableRandom rng, Params p) {
        PermData.checkOrder(name(), n);
        return switch (kind) {
            case ONES -> new Outcome(PermInstance.permanent(PermData.constant(n, 1, 1)),
                    KnownAnswer.exactValue(PermData.text(PermData.factorial(n)), "perm(J_n) = n!"));
            case DERANGEMENT -> new Outcome(PermInstance.permanent(PermData.constant(n, 0, 1)),
                    KnownAnswer.exactValue(PermData.text(derangements(n)), "perm(J_n − I_n) = number of derangements of n"));
            case TRIDIAGONAL -> {
                long[][] a = new long[n][n];
                for (int i = 0; i < n; i++) for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) a[i][j] = 1;
                yield new Outcome(PermInstance.permanent(RationalMatrix.ofLongs(a)),
                        KnownAnswer.exactValue(PermData.text(fibonacci(n + 1)), "perm = F(n+1), Fibonacci with F(1) = F(2) = 1"));
            }
            case HAF_ONES -> {
                if (n % 2 != 0) throw new IllegalArgumentException("family 'haf-ones' needs an even n, got n = " + n);
                BigInteger v = BigInteger.ONE;
                for (int f = n - 1; f > 1; f -= 2) v = v.multiply(BigInteger.valueOf(f));
                yield new Outcome(PermInstance.hafnian(PermData.constant(n, 1, 1)),
                        KnownAnswer.exactValue(PermData.text(v), "haf(J_2k) = (2k−1)!! perfect matchings"));
            }
        };
    }

    static BigInteger derangements(int n) {
        BigInteger prev = BigInteger.ONE, cur = BigInteger.ZERO; // D(0), D(1)
        if (n == 0) return prev;
        for (int m = 2; m <= n; m++) {
            BigInteger next = BigInteger.valueOf(m - 1).multiply(cur.add(prev));
            prev = cur;
            cur = next;
        }
        return cur;
    }

    static BigInteger fibonacci(int m) {
        BigInteger a = BigInteger.ZERO, b = BigInteger.ONE; // F(0), F(1)
        for (int i = 0; i < m; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }
}
