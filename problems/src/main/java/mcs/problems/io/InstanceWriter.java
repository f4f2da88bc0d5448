package mcs.problems.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.PermInstance;

/**
 * Writes any instance in the format {@link InstanceReader} reads back to an equal instance: MC1 and
 * permanents as one Matrix Market file, MC2 as a descriptor plus {@code BASE.a.mtx} and
 * {@code BASE.omega.mtx}, repeated rows and columns and loop hafnians (whose Matrix Market header alone
 * would be read as a hafnian) as a {@link RepeatDescriptor} plus {@code BASE.matrix.mtx}. Output is byte-deterministic and written atomically.
 */
public final class InstanceWriter {
    private InstanceWriter() {}

    /**
     * @param comments extra {@code %} comment lines (e.g. provenance), written after the banner
     */
    /** Whether the instance is written as a JSON descriptor (then its file name should end in {@code .json}). */
    public static boolean needsDescriptor(Instance instance) {
        return instance instanceof Mc2Instance || instance instanceof mcs.problems.instance.RepeatedInstance
                || instance.problem() == mcs.problems.instance.Problem.LOOP_HAFNIAN;
    }

    public static void write(Path file, Instance instance, List<String> comments) throws IOException {
        if (instance instanceof Mc1Instance mc1) {
            MatrixMarketWriter.writeMc1(file, mc1, comments);
        } else if (needsDescriptor(instance) && !(instance instanceof Mc2Instance)) {
            MatrixMarketWriter.writeRepeated(file, instance, comments);
        } else if (instance instanceof PermInstance perm) {
            MatrixMarketWriter.writePerm(file, perm, comments);
        } else {
            MatrixMarketWriter.writeMc2(file, (Mc2Instance) instance, comments);
        }
    }
}
