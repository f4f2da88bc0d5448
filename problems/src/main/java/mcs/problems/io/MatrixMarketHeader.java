package mcs.problems.io;

import java.util.Locale;

/**
 * The banner of a Matrix Market file, {@code %%MatrixMarket matrix FORMAT FIELD SYMMETRY}. Keywords are
 * case-insensitive on input (MM specification) and written in lower case. Only the object
 * {@code matrix} exists in mcs.
 *
 * <p>Valid combinations: {@code pattern} only with {@code coordinate} and {@code general} or
 * {@code symmetric}; {@code hermitian} only with {@code complex}; {@code skew-symmetric} with any field
 * but {@code pattern}.
 */
public record MatrixMarketHeader(Format format, Field field, Symmetry symmetry) {
    /** Storage: a list of (i, j, value) lines, or every entry column by column. */
    public enum Format { COORDINATE, ARRAY }

    /** Number field of the values; {@code PATTERN} has no values. */
    public enum Field { REAL, INTEGER, COMPLEX, PATTERN }

    /** Which triangle is stored and how the other one follows from it. */
    public enum Symmetry { GENERAL, SYMMETRIC, SKEW_SYMMETRIC, HERMITIAN }

    public static final String BANNER = "%%MatrixMarket";

    public MatrixMarketHeader {
        String why = invalidReason(format, field, symmetry);
        if (why != null) throw new IllegalArgumentException(why);
    }

    /** Null when the combination is allowed, else the reason it is not. */
    static String invalidReason(Format format, Field field, Symmetry symmetry) {
        if (field == Field.PATTERN && format == Format.ARRAY) return "the field 'pattern' needs the format 'coordinate'";
        if (field == Field.PATTERN && (symmetry == Symmetry.SKEW_SYMMETRIC || symmetry == Symmetry.HERMITIAN)) {
            return "the field 'pattern' cannot be " + keyword(symmetry);
        }
        if (symmetry == Symmetry.HERMITIAN && field != Field.COMPLEX) return "'hermitian' needs the field 'complex'";
        return null;
    }

    /** Number of value tokens per entry: 0, 1 or 2. */
    public int valuesPerEntry() {
        return switch (field) {
            case PATTERN -> 0;
            case COMPLEX -> 2;
            default -> 1;
        };
    }

    public boolean isSymmetricStorage() {
        return symmetry != Symmetry.GENERAL;
    }

    /** The banner line without newline, keywords in lower case. */
    public String bannerLine() {
        return BANNER + " matrix " + keyword(format) + " " + keyword(field) + " " + keyword(symmetry);
    }

    /** The MM keyword of an enum constant: lower case, '_' written as '-'. */
    public static String keyword(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parseKeyword(Class<E> type, String word) {
        String w = word.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(w)) return e;
        return null;
    }
}
