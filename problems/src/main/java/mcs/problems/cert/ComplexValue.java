package mcs.problems.cert;

import mcs.problems.exact.Rational;

/**
 * An exact complex number re + im·i. Text form (used for complex permanent values): the canonical
 * rational of re, then {@code +} or {@code -}, then the canonical |im|, then {@code i}, e.g.
 * {@code -3/2+5/7i} or {@code 4-1i}. A value with im = 0 is written as the plain rational. The parser
 * also takes a purely imaginary {@code 5i}.
 */
public record ComplexValue(Rational re, Rational im) {
    public static ComplexValue parse(String s) {
        String t = s.trim();
        if (!t.endsWith("i")) return new ComplexValue(Rational.parse(t), Rational.ZERO);
        String body = t.substring(0, t.length() - 1);
        for (int k = body.length() - 1; k > 0; k--) {
            char c = body.charAt(k);
            char prev = body.charAt(k - 1);
            if ((c == '+' || c == '-') && prev != 'e' && prev != 'E' && prev != '/') {
                Rational re = Rational.parse(body.substring(0, k));
                Rational im = Rational.parse(body.substring(c == '+' ? k + 1 : k));
                return new ComplexValue(re, im);
            }
        }
        // No sign split: a purely imaginary value such as "5i" or "-3/2i".
        return new ComplexValue(Rational.ZERO, Rational.parse(body));
    }

    @Override
    public String toString() {
        if (im.isZero()) return re.toString();
        return re + (im.signum() < 0 ? "-" : "+") + im.abs() + "i";
    }
}
