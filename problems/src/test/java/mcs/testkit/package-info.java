/**
 * What every module's tests share: the tool gate ({@link mcs.testkit.RequiredTool}) and the naive exact oracles,
 * the second opinion that solvers, generators and the kernel are checked against.
 *
 * <p>The oracles recompute the mathematics of SPEC §2 in the plainest way: dense {@link mcs.problems.exact.Rational}
 * matrices, PSD by symmetric elimination or by the sign of every principal minor ({@link mcs.testkit.NaivePsd}),
 * certificates by their definition ({@link mcs.testkit.NaiveCertificates}), permanents and hafnians by their sums
 * ({@link mcs.testkit.NaiveValues}). They are for small matrices (the minors and the sums are exponential) and
 * depend on nothing but the problem types: never on the kernel ({@code mcs.verifier.kernel}) nor on a solver,
 * so that a mistake there cannot hide by being repeated here ({@code TestkitIndependenceTest} enforces it).
 */
package mcs.testkit;
