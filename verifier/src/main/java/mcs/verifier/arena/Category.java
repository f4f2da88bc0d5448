package mcs.verifier.arena;

/**
 * BenchExec's result categories, as written in {@code results.jsonl}. Only CORRECT counts as solved;
 * WRONG (a rejected certificate, or a verdict contradicting a known or verified answer) ranks below
 * any number of unsolved instances.
 */
public enum Category {
    CORRECT, WRONG, UNKNOWN, ERROR, TIMEOUT, MEMOUT;

    /** Whether a run in this category may be run again by {@code --retry-failed}. */
    public boolean failed() {
        return this == ERROR;
    }
}
