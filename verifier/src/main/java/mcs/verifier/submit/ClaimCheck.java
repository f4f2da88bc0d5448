package mcs.verifier.submit;

import java.nio.file.Path;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Problem;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;

/**
 * Checks one claim of a submission: the instance is read, the certificate read and checked by the kernel
 * against it, and the answer the certificate proves must be the answer claimed. An unreadable instance or
 * certificate rejects the claim (it proves nothing) with the file and line named.
 */
public final class ClaimCheck {
    private ClaimCheck() {}

    /**
     * @param outcome ACCEPTED, REJECTED or UNVERIFIED (the kernel's budget was reached)
     * @param check the deciding check's name (kernel check names, or {@code instance}, {@code certificate},
     *     {@code claim} for the submission-level checks)
     */
    public record Result(String id, String instance, String claimed, Outcome outcome, String check, String reason, String method) {}

    public static Result check(Submission.Claim c, Path base, KernelOptions options) {
        return check(c, base, options, Long.MAX_VALUE);
    }

    /**
     * @param certificateCap largest certificate read, in bytes (the descriptor's {@code certificate_cap_mb}); a
     *     larger file is UNVERIFIED (check {@code certificate-cap}) without being read
     */
    public static Result check(Submission.Claim c, Path base, KernelOptions options, long certificateCap) {
        String inst = base.relativize(c.instance().toAbsolutePath()).toString();
        LoadedInstance li;
        try {
            li = InstanceReader.read(c.instance(), c.problem() == null ? null : Problem.fromId(c.problem()));
        } catch (InputException e) {
            return new Result(c.id(), inst, c.claimed(), Outcome.REJECTED, "instance", "the instance cannot be read: " + e.oneLine(), "exact");
        } catch (IllegalArgumentException e) {
            return new Result(c.id(), inst, c.claimed(), Outcome.REJECTED, "instance", e.getMessage(), "exact");
        }
        try {
            long size = java.nio.file.Files.size(c.certificate());
            if (size > certificateCap) {
                return new Result(c.id(), inst, c.claimed(), Outcome.UNVERIFIED, "certificate-cap", "the certificate has " + size
                        + " bytes, over the cap of " + certificateCap + " (checks.certificate_cap_mb); it was not read", "exact");
            }
        } catch (java.io.IOException e) {
            return new Result(c.id(), inst, c.claimed(), Outcome.REJECTED, "certificate", "the certificate cannot be read: " + c.certificate() + ": " + e.getMessage(), "exact");
        }
        Certificate cert;
        try {
            cert = CertificateJson.read(c.certificate());
        } catch (InputException e) {
            return new Result(c.id(), inst, c.claimed(), Outcome.REJECTED, "certificate", "the certificate cannot be read: " + e.oneLine(), "exact");
        }
        String proves = cert.value() != null ? cert.value() : cert.verdict().name();
        Judgement j = Kernel.check(li.instance(), li.sha256(), cert, options);
        if (j.outcome() != Outcome.ACCEPTED) return new Result(c.id(), inst, c.claimed(), j.outcome(), j.check(), j.reason(), j.method().id());
        if (!proves.equals(c.claimed()) && !sameValue(proves, c.claimed()))
            return new Result(c.id(), inst, c.claimed(), Outcome.REJECTED, "claim", "the certificate is valid but proves " + proves + ", not the claimed " + c.claimed(), j.method().id());
        return new Result(c.id(), inst, c.claimed(), Outcome.ACCEPTED, j.check(), j.reason(), j.method().id());
    }

    /** Permanent values may be claimed in any exact spelling ("1/2" and "0.5" are the same claim). */
    private static boolean sameValue(String a, String b) {
        try {
            return mcs.problems.exact.Rational.parse(a).equals(mcs.problems.exact.Rational.parse(b));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
