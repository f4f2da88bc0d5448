package mcs.verifier.cli;

import mcs.verifier.sandbox.Isolation;

/** The {@code --isolation bwrap|none} option shared by {@code arena run} and {@code submit check}. */
final class Isolations {
    private Isolations() {}

    static Isolation parse(String value) {
        try {
            return Isolation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--isolation: " + e.getMessage());
        }
    }
}
