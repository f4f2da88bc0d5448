package mcs.verifier.search.shrink;

import mcs.problems.instance.Instance;

/** One shrink step to try: a description (1-based indices) and the smaller instance it leads to. */
public record Candidate(String step, Instance instance) {}
