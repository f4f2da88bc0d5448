package mcs.problems.instance;

import mcs.problems.matrix.RationalMatrix;

/**
 * A square matrix whose permanent ({@link Problem#PERMANENT}, {@link Problem#PERMANENT_ESTIMATE}) or
 * hafnian ({@link Problem#HAFNIAN}, {@link Problem#HAFNIAN_ESTIMATE}; symmetric, even order) or loop hafnian
 * ({@link Problem#LOOP_HAFNIAN}; symmetric, any order, the diagonal holds the loop weights) is asked for. Entries are exact rationals;
 * {@code im} is null unless the input was complex. {@code field} is what the file declared.
 */
public record PermInstance(Problem problem, Field field, RationalMatrix re, RationalMatrix im) implements Instance {
    /** The number field the input was declared in. */
    public enum Field { INTEGER, REAL, COMPLEX }

    public PermInstance {
        if (problem != Problem.PERMANENT && problem != Problem.HAFNIAN && problem != Problem.PERMANENT_ESTIMATE
                && problem != Problem.HAFNIAN_ESTIMATE && problem != Problem.LOOP_HAFNIAN) {
            throw new IllegalArgumentException("not a permanent-style problem: " + problem);
        }
        if (!re.isSquare()) throw new IllegalArgumentException("matrix must be square, got " + re.rows() + "x" + re.cols());
        if ((field == Field.COMPLEX) != (im != null)) throw new IllegalArgumentException("imaginary part present iff the field is complex");
        if (im != null && (im.rows() != re.rows() || im.cols() != re.cols())) throw new IllegalArgumentException("real and imaginary parts differ in shape");
    }

    public static PermInstance permanent(RationalMatrix a) {
        return new PermInstance(Problem.PERMANENT, a.isIntegral() ? Field.INTEGER : Field.REAL, a, null);
    }

    public static PermInstance hafnian(RationalMatrix a) {
        return new PermInstance(Problem.HAFNIAN, a.isIntegral() ? Field.INTEGER : Field.REAL, a, null);
    }

    @Override
    public PermInstance deepCopy() {
        return new PermInstance(problem, field, re.copy(), im == null ? null : im.copy());
    }

    public boolean isComplex() {
        return im != null;
    }

    /** True when the matrix is real with integer entries (whatever the declared field). */
    public boolean isIntegral() {
        return im == null && re.isIntegral();
    }

    @Override
    public int n() {
        return re.rows();
    }

    @Override
    public long m() {
        return (long) re.rows() * re.cols();
    }
}
