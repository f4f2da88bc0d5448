package mcs.problems.spi;

/** How a solver run ended (ojAlgo-style status, independent of the verdict). */
public enum Status {
    /** An answer with a certificate (or an exact value). */
    SOLVED,
    /** The solver ran to completion but cannot decide; the message says why. */
    UNKNOWN,
    /** The deadline passed before an answer. */
    TIMEOUT,
    /** The instance is outside what this solver handles (size, field, structure). */
    UNSUPPORTED,
    /** Something failed; the message says what. */
    ERROR
}
