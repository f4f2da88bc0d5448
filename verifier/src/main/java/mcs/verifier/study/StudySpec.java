package mcs.verifier.study;

import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;

/**
 * What {@code mcs study} measures: one solver on one family, either over a list of ε at a fixed n
 * ({@link Kind#EPSILON}, exponent α of time ≈ C·(1/ε)^α) or over a list of sizes at a fixed ε
 * ({@link Kind#SIZE}, exponent β of time ≈ C·(n·m)^β).
 *
 * @param solverName the name results use (the SPI name, or the command's program name)
 * @param spi the SPI solver name, or null for an external command
 * @param options solver options ({@code -O}), passed to an SPI solver
 * @param command the external command (program made absolute), or null for an SPI solver
 * @param params family parameters other than {@code eps}
 * @param sizes the n of each level ({@link Kind#SIZE}) or the one n ({@link Kind#EPSILON})
 * @param eps the ε of each level ({@link Kind#EPSILON}), the one ε ({@link Kind#SIZE}), or empty when the family
 *     has no {@code eps} parameter (size studies only)
 * @param answers values of the family's {@code answer} parameter to generate at every level and seed (both sides
 *     of the promise by default), or empty to leave it to {@code params} and the family's default
 * @param seeds instance seeds: each level has one instance per seed and answer
 * @param solverSeed the seed every run gets (one per study: the instances carry the variation)
 * @param timeoutS wall-clock limit per run, 0 for none
 * @param memoryMb memory limit per run (the SPI worker's heap, the command's resident memory)
 * @param bootstrap bootstrap resamples of the fit
 * @param bootstrapSeed seed of the bootstrap
 * @param keepGoing run every level even after one where every run failed (timeout, memout or error)
 * @param commandLine the command line as typed, recorded in the outputs
 */
public record StudySpec(Kind kind, String solverName, String spi, Map<String, String> options, List<String> command, String family,
        Map<String, String> params, List<Integer> sizes, List<Rational> eps, List<String> answers, List<Long> seeds, long solverSeed, double timeoutS, int memoryMb,
        int bootstrap, long bootstrapSeed, boolean keepGoing, String commandLine, mcs.verifier.sandbox.Isolation isolation, List<java.nio.file.Path> files) {

    public enum Kind {
        EPSILON("epsilon", "1/eps", "α"),
        SIZE("size", "n*m", "β");

        public final String id;
        /** The abscissa of the fit, as written in the outputs. */
        public final String of;
        public final String symbol;

        Kind(String id, String of, String symbol) {
            this.id = id;
            this.of = of;
            this.symbol = symbol;
        }
    }

    public StudySpec {
        // a command is untrusted: sandboxed unless the caller opted out, and it sees only its own files
        isolation = isolation == null ? mcs.verifier.sandbox.Isolation.BWRAP : isolation;
        files = files == null ? List.of() : List.copyOf(files);
        options = Map.copyOf(options);
        command = command == null ? null : List.copyOf(command);
        params = Map.copyOf(params);
        sizes = List.copyOf(sizes);
        eps = List.copyOf(eps);
        answers = List.copyOf(answers);
        seeds = List.copyOf(seeds);
        if ((spi == null) == (command == null)) throw new IllegalArgumentException("a study has exactly one of an SPI solver and a command");
    }

    public boolean external() {
        return command != null;
    }

    /** The number of levels: ε values for EPSILON, sizes for SIZE. */
    public int levels() {
        return kind == Kind.EPSILON ? eps.size() : sizes.size();
    }

    /** The n of level k. */
    public int n(int k) {
        return kind == Kind.EPSILON ? sizes.get(0) : sizes.get(k);
    }

    /** The ε of level k, or null when the family has none. */
    public Rational epsilon(int k) {
        if (eps.isEmpty()) return null;
        return kind == Kind.EPSILON ? eps.get(k) : eps.get(0);
    }
}
