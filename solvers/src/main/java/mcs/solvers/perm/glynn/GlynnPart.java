package mcs.solvers.perm.glynn;

/**
 * What one task of a floating-point Glynn sum returns ({@link GlynnReal}, {@link GlynnComplex}).
 *
 * @param re cascaded (TwoSum) sum of the real parts of the terms
 * @param reComp recursive sum of the TwoSum rounding errors of {@code re}
 * @param im the same for imaginary parts (0 for real input)
 * @param imComp its rounding errors
 * @param abs Σ over terms of |Re P| + |Im P| of the computed products P (≥ Σ|P|)
 * @param slack Σ over terms of max(0, B − A), B the computed product of (|c_j| + ε_j) and A the computed
 *     product of |c_j| (upper bounds of |c_j| for complex input); 0 when the columns are exact
 * @param slackWeight Σ over terms of B + A (complex input with inexact columns only, else 0): bounds the
 *     rounding in forming B − A when A is not the modulus of P
 * @param terms number of terms summed
 * @param block the most terms added by plain recursive summation into one block before the block enters the
 *     TwoSum cascade ({@link LaneTables}); 1 when every term enters the TwoSum itself (the block then adds no
 *     rounding)
 */
record GlynnPart(double re, double reComp, double im, double imComp, double abs, double slack, double slackWeight, long terms, int block) {
}
