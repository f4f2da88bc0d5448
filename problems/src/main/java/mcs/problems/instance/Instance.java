package mcs.problems.instance;

/** A problem instance. Implementations are immutable. */
public sealed interface Instance permits Mc1Instance, Mc2Instance, PermInstance, RepeatedInstance {
    Problem problem();

    /** Order of the matrix. */
    int n();

    /** Size of the input in SPEC terms: specified entries for MC1/MC2 (Ω counted once per pair), n² for permanents (of the base matrix when rows repeat). */
    long m();
}
