package mcs.verifier.arena;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Instance;
import mcs.problems.io.AtomicFile;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;

/**
 * Turns an {@link Attempt} into a results row: every claimed answer is checked by the kernel before it
 * counts. CORRECT needs a certificate the kernel accepts, for the claimed verdict, not contradicting the
 * instance's known answer. WRONG: no or unreadable certificate for a claimed answer, a certificate file that
 * is a link or not a plain file, a certificate for another verdict or instance, a kernel rejection, or a
 * contradiction of the known answer. UNKNOWN: UNVERIFIED certificates (beyond the kernel's budget) and
 * certificates over the plan's {@code certificate_cap_mb}, with the reason (docs/DECISIONS.md).
 *
 * <p>The kernel judges only what no run can reach: the certificate's bytes as the judge copied them after the
 * run ended, and the instance re-read by the judge from its file, whose SHA-256 must still be the one the plan
 * was expanded with (instances are immutable, so one read is shared by every run on that file).
 */
final class Judge {
    private final Map<Path, LoadedInstance> instances = new ConcurrentHashMap<>();
    private final KernelOptions kernel;

    Judge(KernelOptions kernel) {
        this.kernel = kernel;
    }

    /**
     * @param certOut where the arena keeps the run's certificate ({@code certificates/RUN_ID.json}); the bytes
     *     the judge copied are written there, whatever their verdict
     */
    RunRow judge(RunSpec run, Attempt a, Path certOut) {
        ArenaInstance inst = run.instance();
        Category cat;
        String reason;
        switch (a.termination()) {
            case "timeout" -> {
                cat = Category.TIMEOUT;
                reason = "time limit reached" + (a.message() == null || a.message().isEmpty() ? "" : ": " + a.message());
            }
            case "memory" -> {
                cat = Category.MEMOUT;
                reason = "memory limit reached" + (a.message() == null || a.message().isEmpty() ? "" : ": " + a.message());
            }
            case "failed", "killed" -> {
                cat = Category.ERROR;
                reason = a.message();
            }
            default -> {
                String[] cr;
                try {
                    cr = verify(inst, a);
                } catch (RuntimeException e) {
                    cr = new String[] {"ERROR", "the arena could not check the answer: " + e};
                }
                cat = Category.valueOf(cr[0]);
                reason = cr[1] != null ? cr[1] : a.message();
            }
        }
        if (a.certificate() != null && !"worker".equals(a.isolation())) {
            try {
                AtomicFile.write(certOut, o -> o.write(a.certificate()));
            } catch (IOException e) {
                reason = (reason == null ? "" : reason + "; ") + "the certificate could not be kept: " + e.getMessage();
            }
        }
        return new RunRow(run.runId(), run.solver().name(), inst.name(), run.seed(), cat, a.verdict() == null ? "UNKNOWN" : a.verdict(), reason,
                a.wallS(), a.cpuS(), a.peakRssMb(), inst.sha256(), a.termination(), a.exitCode(), inst.known(), a.isolation());
    }

    /** {category, reason-or-null} for a run that ended by itself with a claimed verdict. */
    private String[] verify(ArenaInstance inst, Attempt a) {
        String claimed = a.verdict();
        if (claimed == null || "UNKNOWN".equals(claimed)) return new String[] {"UNKNOWN", null};
        if (!claimed.equals("COMPLETABLE") && !claimed.equals("NOT_COMPLETABLE") && !claimed.equals("SOLVED")) {
            return new String[] {"ERROR", "unknown verdict '" + claimed + "'"};
        }
        if (inst.known() != null && !inst.known().equals(claimed)) {
            return new String[] {"WRONG", "claimed " + claimed + ", but the known answer is " + inst.known()};
        }
        if (a.certificateOverCap()) return new String[] {"UNKNOWN", "claimed " + claimed + ", not judged: " + a.certificateProblem()};
        if (a.certificateProblem() != null) return new String[] {"WRONG", "claimed " + claimed + " without a usable certificate: " + a.certificateProblem()};
        if (a.certificate() == null) return new String[] {"WRONG", "claimed " + claimed + " without a certificate"};
        Certificate cert;
        try {
            cert = CertificateJson.read(a.certificate(), "CERT_OUT");
        } catch (InputException e) {
            return new String[] {"WRONG", "claimed " + claimed + " with an unreadable certificate: " + e.getMessage()};
        }
        if (!cert.verdict().name().equals(claimed)) {
            return new String[] {"WRONG", "claimed " + claimed + " but the certificate proves " + cert.verdict()};
        }
        LoadedInstance li = instances.computeIfAbsent(inst.path(), p -> InstanceReader.read(p, null));
        if (!li.sha256().equals(inst.sha256())) {
            instances.remove(inst.path());
            return new String[] {"ERROR", "the instance file changed during the competition: its SHA-256 is " + li.sha256() + ", the plan expanded it as " + inst.sha256()};
        }
        Judgement j = Kernel.check(li.instance(), inst.sha256(), cert, kernel);
        if (j.outcome() == Outcome.REJECTED) return new String[] {"WRONG", "certificate rejected (" + j.check() + "): " + j.reason()};
        if (j.outcome() == Outcome.UNVERIFIED) return new String[] {"UNKNOWN", "claimed " + claimed + ", unverified: " + j.reason()};
        return new String[] {"CORRECT", null};
    }
}
