package mcs.verifier.estimate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Error statistics of one estimator at one order n over the seeds (SPEC §1 PERM-ESTIMATE: "measured
 * against exact permanents … by error statistics and regression fit"). Logarithms are natural.
 *
 * @param runs instances tried; {@code answered} of them gave a value, {@code unsupported} were outside
 *     the estimator's domain, {@code failed} timed out or failed
 * @param signErrors answered instances where sign(estimate) ≠ sign(exact) (0 has sign 0)
 * @param logPairs answered instances with both values nonzero: the ones entering the log-errors and the fit
 * @param meanAbsLogError mean of |ln|est| − ln|exact|| over those (NaN when there are none)
 * @param meanLogError mean of ln|est| − ln|exact| (the bias; NaN when none)
 * @param fit OLS of ln|exact| on ln|est| with a bootstrap interval for R²
 * @param withBounds answered instances with a stated lower or upper bound; {@code boundViolations} of them exclude the exact value
 * @param withInterval answered instances with a confidence interval; {@code covered} of them contain the exact value
 */
public record Summary(String estimator, int n, int runs, int answered, int unsupported, int failed, int signErrors, int logPairs,
                      double meanAbsLogError, double meanLogError, Fit fit, int withBounds, int boundViolations,
                      int withInterval, int covered, double meanSeconds) {

    static Summary of(String estimator, int n, List<Observation> obs, int resamples, SplittableRandom rng) {
        int answered = 0, unsupported = 0, failed = 0, signErrors = 0, withBounds = 0, violations = 0, withInterval = 0, covered = 0;
        double seconds = 0;
        double[] x = new double[obs.size()], y = new double[obs.size()];
        int pairs = 0;
        double sumAbs = 0, sum = 0;
        for (Observation o : obs) {
            if (!o.answered()) {
                if ("UNSUPPORTED".equals(o.status())) unsupported++;
                else failed++;
                continue;
            }
            answered++;
            seconds += o.seconds();
            if (o.estimate().signum() != o.exact().signum()) signErrors++;
            if (o.hasBounds()) {
                withBounds++;
                if (o.boundViolated()) violations++;
            }
            if (o.hasInterval()) {
                withInterval++;
                if (o.intervalCovers()) covered++;
            }
            if (!o.estimate().isZero() && !o.exact().isZero()) {
                double le = LogAbs.of(o.estimate()), lp = LogAbs.of(o.exact());
                x[pairs] = le;
                y[pairs] = lp;
                pairs++;
                sumAbs += Math.abs(le - lp);
                sum += le - lp;
            }
        }
        Fit fit = Fit.of(java.util.Arrays.copyOf(x, pairs), java.util.Arrays.copyOf(y, pairs), resamples, rng);
        return new Summary(estimator, n, obs.size(), answered, unsupported, failed, signErrors, pairs,
                pairs == 0 ? Double.NaN : sumAbs / pairs, pairs == 0 ? Double.NaN : sum / pairs, fit,
                withBounds, violations, withInterval, covered, answered == 0 ? Double.NaN : seconds / answered);
    }
}
