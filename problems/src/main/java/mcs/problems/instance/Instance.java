package mcs.problems.instance;

/**
 * A problem instance. Implementations are immutable: their matrices and patterns freeze or copy every
 * array they are built from and never hand one out writable.
 */
public sealed interface Instance permits Mc1Instance, Mc2Instance, PermInstance, RepeatedInstance {
    Problem problem();

    /** Order of the matrix. */
    int n();

    /** Size of the input in SPEC terms: specified entries for MC1/MC2 (Ω counted once per pair), n² for permanents (of the base matrix when rows repeat). */
    long m();

    /**
     * A deep copy sharing no object with this one. The judge hands copies to code it does not trust
     * (solvers, plug-ins) and judges the original, so that not even reflection on the copy reaches what
     * the kernel reads.
     */
    Instance deepCopy();
}
