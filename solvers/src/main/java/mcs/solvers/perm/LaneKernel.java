package mcs.solvers.perm;

import java.util.List;
import mcs.problems.spi.SolverOptions;

/**
 * A vector (SIMD) kernel for one task of the real Glynn sum, present only when the solvers were built on
 * JDK 21+ (Maven profile {@code vector-api}) and the JVM runs with {@code --add-modules
 * jdk.incubator.vector}. It computes exactly what {@link GlynnBlock#task} computes, with the same lanes
 * (one per setting of the lowest sign rows) and the same roundings per term, but keeps each lane's partial
 * products in vector registers instead of memory.
 */
interface LaneKernel {
    /**
     * Task t over one-word or two-word exact columns; see {@link GlynnBlock#task} for the parameters.
     *
     * @return one part per lane, in lane order
     */
    List<GlynnPart> task(double[][] hi, double[][] lo, int low, int t, SolverOptions options);

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
