package mcs.verifier.arena;

/**
 * One run of a plan: a solver on an instance with a seed.
 *
 * @param index position in plan order (instance, then seed, then solver); shards slice by it
 */
public record RunSpec(int index, String runId, PlanSolver solver, ArenaInstance instance, long seed) {}
