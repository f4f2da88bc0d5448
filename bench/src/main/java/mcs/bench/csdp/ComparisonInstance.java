package mcs.bench.csdp;

import mcs.problems.cert.Verdict;
import mcs.problems.instance.Mc1Instance;

/**
 * One instance of the comparison.
 *
 * @param name file-name-safe identifier, e.g. {@code sparse-n400-no}
 * @param origin how it was made (family and parameters, or the harness's own generator), for the table
 * @param instance the data
 * @param expected the answer known by construction
 * @param knownTStar the exact margin t* rounded to double when it is known in closed form, else NaN
 */
public record ComparisonInstance(String name, String origin, Mc1Instance instance, Verdict expected, double knownTStar) {}
