package mcs.solvers.perm;

import java.util.List;
import mcs.problems.spi.SolverOptions;

/**
 * A vector (SIMD) kernel for one task of the real Glynn sum, present only when the solvers were built on
 * JDK 21+ (Maven profile {@code vector-api}) and the JVM runs with {@code --add-modules
 * jdk.incubator.vector}. Each lane takes a different setting of the lowest {@link #laneBits()} fixed
 * sign bits; all lanes flip the same row at each Gray-code step, so the column update is one broadcast
 * add per column and the product a lane-wise multiply.
 */
interface LaneKernel {
    /** Column exponent of the fixed-point matrix the kernel needs (sums exact in doubles). */
    int COLUMN_EXPONENT = 51;

    /** log₂ of the number of lanes. */
    int laneBits();

    /**
     * Task t over a fixed-point matrix with exact columns ({@link FixedPointColumns#exactColumns()}),
     * Gray code over the low {@code low} sign bits of which the top {@link #laneBits()} index the lanes.
     *
     * @return one part per lane, in lane order
     */
    List<GlynnPart> task(FixedPointColumns f, int low, int t, SolverOptions options);

    /** The kernel if the vector module is usable in this JVM, else null. */
    static LaneKernel load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            return (LaneKernel) Class.forName("mcs.solvers.perm.GlynnLanes").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
