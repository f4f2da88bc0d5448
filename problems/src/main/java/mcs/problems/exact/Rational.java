package mcs.problems.exact;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact rational number p/q held in lowest terms with q &gt; 0, on {@link BigInteger}.
 *
 * <p>Parsing accepts exactly the number syntax of SPEC §3: an optional sign, decimal digits with an
 * optional fraction and exponent ({@code -0.125}, {@code 3e-7}, {@code .5}, {@code 1E+3}), or
 * {@code p/q} with integer p and q ({@code -3/7}). Every literal denotes that rational exactly; nothing
 * is rounded. {@code NaN}, {@code Inf}, hex floats and empty strings are rejected with
 * {@link NumberFormatException}.
 *
 * <p>{@link #toString()} is canonical: {@code "p"} for integers, {@code "p/q"} otherwise, so equal
 * values print equally. {@link #toDouble()} rounds to nearest.
 */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    public static final Rational TWO = new Rational(BigInteger.TWO, BigInteger.ONE);
    public static final Rational HALF = new Rational(BigInteger.ONE, BigInteger.TWO);
    public static final Rational MINUS_ONE = new Rational(BigInteger.ONE.negate(), BigInteger.ONE);

    /** Exponents beyond this magnitude would allocate absurd integers; such literals are refused. */
    public static final int MAX_DECIMAL_EXPONENT = 100_000;

    private final BigInteger num;
    private final BigInteger den;

    private Rational(BigInteger num, BigInteger den) {
        this.num = trusted(num);
        this.den = trusted(den);
    }

    /**
     * BigInteger is not final: a subclass handed in by untrusted code could answer differently from one
     * call to the next. Such a value is replaced by a plain BigInteger of the same value, so a Rational is
     * immutable whoever built it.
     */
    private static BigInteger trusted(BigInteger x) {
        return x.getClass() == BigInteger.class ? x : new BigInteger(x.toByteArray());
    }

    /** p/q reduced to lowest terms; q must be nonzero. */
    public static Rational of(BigInteger p, BigInteger q) {
        p = trusted(p);
        q = trusted(q);
        if (q.signum() == 0) throw new ArithmeticException("zero denominator");
        if (q.signum() < 0) {
            p = p.negate();
            q = q.negate();
        }
        if (p.signum() == 0) return ZERO;
        BigInteger g = p.gcd(q);
        if (!g.equals(BigInteger.ONE)) {
            p = p.divide(g);
            q = q.divide(g);
        }
        return new Rational(p, q);
    }

    public static Rational of(long p, long q) {
        return of(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }

    public static Rational of(long p) {
        if (p == 0) return ZERO;
        if (p == 1) return ONE;
        return new Rational(BigInteger.valueOf(p), BigInteger.ONE);
    }

    public static Rational of(BigInteger p) {
        p = trusted(p);
        return p.signum() == 0 ? ZERO : new Rational(p, BigInteger.ONE);
    }

    /** The exact value unscaled·10^exp10. */
    public static Rational ofDecimal(long unscaled, int exp10) {
        return ofDecimal(BigInteger.valueOf(unscaled), exp10);
    }

    public static Rational ofDecimal(BigInteger unscaled, int exp10) {
        if (exp10 >= 0) return of(unscaled.multiply(BigInteger.TEN.pow(exp10)));
        return of(unscaled, BigInteger.TEN.pow(-exp10));
    }

    /** The exact value of a finite double (every double is a dyadic rational). */
    public static Rational ofDouble(double d) {
        if (!Double.isFinite(d)) throw new NumberFormatException("not a finite number: " + d);
        if (d == 0) return ZERO;
        return of(new BigDecimal(d));
    }

    public static Rational of(BigDecimal d) {
        BigInteger u = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) return of(u.multiply(BigInteger.TEN.pow(-scale)));
        return of(u, BigInteger.TEN.pow(scale));
    }

    /**
     * Parses a decimal literal or {@code p/q} exactly.
     *
     * @throws NumberFormatException with a short reason when the text is not such a literal
     */
    public static Rational parse(CharSequence text) {
        String s = text.toString().trim();
        if (s.isEmpty()) throw new NumberFormatException("empty number");
        int slash = s.indexOf('/');
        if (slash >= 0) {
            BigInteger p = parseInteger(s.substring(0, slash).trim(), s);
            BigInteger q = parseInteger(s.substring(slash + 1).trim(), s);
            if (q.signum() == 0) throw new NumberFormatException("zero denominator in '" + s + "'");
            return of(p, q);
        }
        return parseDecimal(s);
    }

    private static BigInteger parseInteger(String t, String whole) {
        int i = 0;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) i = 1;
        if (i >= t.length()) throw new NumberFormatException("not a rational: '" + whole + "'");
        for (int k = i; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') throw new NumberFormatException("not a rational: '" + whole + "'");
        }
        return new BigInteger(t.charAt(0) == '+' ? t.substring(1) : t);
    }

    private static Rational parseDecimal(String s) {
        int i = 0, len = s.length();
        boolean neg = false;
        char c0 = s.charAt(0);
        if (c0 == '+' || c0 == '-') {
            neg = c0 == '-';
            i = 1;
        }
        StringBuilder digits = new StringBuilder(len);
        int fracDigits = 0;
        boolean sawDigit = false, sawPoint = false;
        for (; i < len; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                sawDigit = true;
                if (sawPoint) fracDigits++;
            } else if (c == '.' && !sawPoint) {
                sawPoint = true;
            } else {
                break;
            }
        }
        if (!sawDigit) throw new NumberFormatException("not a number: '" + s + "'");
        long exp = 0;
        if (i < len) {
            char c = s.charAt(i);
            if (c != 'e' && c != 'E') throw new NumberFormatException("not a number: '" + s + "'");
            i++;
            boolean eneg = false;
            if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                eneg = s.charAt(i) == '-';
                i++;
            }
            if (i >= len) throw new NumberFormatException("missing exponent in '" + s + "'");
            for (; i < len; i++) {
                char d = s.charAt(i);
                if (d < '0' || d > '9') throw new NumberFormatException("not a number: '" + s + "'");
                exp = exp * 10 + (d - '0');
                if (exp > MAX_DECIMAL_EXPONENT * 10L) throw new NumberFormatException("exponent too large in '" + s + "'");
            }
            if (eneg) exp = -exp;
        }
        long e10 = exp - fracDigits;
        if (Math.abs(e10) > MAX_DECIMAL_EXPONENT) throw new NumberFormatException("exponent too large in '" + s + "'");
        BigInteger u = new BigInteger(digits.toString());
        if (neg) u = u.negate();
        return ofDecimal(u, (int) e10);
    }

    public BigInteger numerator() {
        return num;
    }

    public BigInteger denominator() {
        return den;
    }

    public int signum() {
        return num.signum();
    }

    public boolean isZero() {
        return num.signum() == 0;
    }

    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    public Rational add(Rational o) {
        if (o.num.signum() == 0) return this;
        if (num.signum() == 0) return o;
        if (den.equals(o.den)) return of(num.add(o.num), den);
        return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        if (num.signum() == 0 || o.num.signum() == 0) return ZERO;
        return of(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational multiply(long k) {
        return multiply(of(k));
    }

    public Rational divide(Rational o) {
        if (o.num.signum() == 0) throw new ArithmeticException("division by zero");
        return of(num.multiply(o.den), den.multiply(o.num));
    }

    public Rational negate() {
        return num.signum() == 0 ? this : new Rational(num.negate(), den);
    }

    public Rational abs() {
        return num.signum() < 0 ? negate() : this;
    }

    public Rational square() {
        return new Rational(num.multiply(num), den.multiply(den));
    }

    public Rational reciprocal() {
        return ONE.divide(this);
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** Nearest double (ties to even); ±Infinity or ±0 when out of range. */
    public double toDouble() {
        if (den.equals(BigInteger.ONE)) return num.doubleValue();
        BigInteger a = num.abs();
        // |x| < 2^(|a| − |den| + 1): at or below 2^−1075 (half the least subnormal) it rounds to zero. Checked
        // first, because the subnormal path below costs time quadratic in the denominator's length.
        if ((long) a.bitLength() - den.bitLength() + 1 <= -1075) return num.signum() < 0 ? -0.0 : 0.0;
        // Take at least 65 quotient bits and fold the remainder into a sticky bit: then the single
        // rounding done by BigInteger.doubleValue() is the correct rounding of the exact quotient.
        int shift = Math.max(0, 65 - a.bitLength() + den.bitLength());
        BigInteger[] qr = a.shiftLeft(shift).divideAndRemainder(den);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0) q = q.setBit(0);
        double r = Math.scalb(q.doubleValue(), -shift);
        if (r < Double.MIN_NORMAL) {
            // Subnormal range: scaling would round twice; BigDecimal of q/2^shift is exact, then one rounding.
            r = new BigDecimal(q).divide(new BigDecimal(BigInteger.ONE.shiftLeft(shift))).doubleValue();
        }
        return num.signum() < 0 ? -r : r;
    }

    @Override
    public int compareTo(Rational o) {
        if (den.equals(o.den)) return num.compareTo(o.num);
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && num.equals(r.num) && den.equals(r.den);
    }

    @Override
    public int hashCode() {
        return Objects.hash(num, den);
    }

    /** Canonical text: {@code p} or {@code p/q} in lowest terms. */
    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }

    /**
     * A finite decimal rendering when the value has one (the denominator has only factors 2 and 5),
     * else {@code p/q}. Useful for human output; {@link #toString()} is the canonical form.
     */
    public String toDecimalString() {
        BigInteger d = den;
        int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0) {
            d = d.divide(five);
            fives++;
        }
        if (!d.equals(BigInteger.ONE)) return toString();
        return new BigDecimal(num).divide(new BigDecimal(den)).stripTrailingZeros().toPlainString();
    }
}
