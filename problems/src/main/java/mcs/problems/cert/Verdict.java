package mcs.problems.cert;

/** A solver's answer: MC1 uses COMPLETABLE / NOT_COMPLETABLE, the other problems SOLVED; UNKNOWN is always honest. */
public enum Verdict {
    COMPLETABLE, NOT_COMPLETABLE, SOLVED, UNKNOWN
}
