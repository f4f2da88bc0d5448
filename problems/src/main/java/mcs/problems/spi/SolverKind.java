package mcs.problems.spi;

/** EXACT solvers decide every instance they accept (within limits); HEURISTIC ones may answer UNKNOWN. */
public enum SolverKind { EXACT, HEURISTIC }
