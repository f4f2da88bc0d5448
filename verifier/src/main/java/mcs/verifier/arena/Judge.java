package mcs.verifier.arena;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Instance;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;

/**
 * Turns an {@link Attempt} into a results row: every claimed answer is checked by the kernel before
 * it counts. CORRECT needs a certificate the kernel accepts, for the claimed verdict, not contradicting
 * the instance's known answer. WRONG: no or unreadable certificate for a claimed answer, a certificate
 * for another verdict or instance, a kernel rejection, or a contradiction of the known answer.
 * UNVERIFIED certificates (beyond the kernel's size budget) count as UNKNOWN with the kernel's reason.
 */
final class Judge {
    private final Map<Path, Instance> instances = new ConcurrentHashMap<>();
    private final KernelOptions kernel;

    Judge(KernelOptions kernel) {
        this.kernel = kernel;
    }

    RunRow judge(RunSpec run, Attempt a, Path certFile) {
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
            case "failed" -> {
                cat = Category.ERROR;
                reason = a.message();
            }
            default -> {
                String[] cr;
                try {
                    cr = verify(inst, a.verdict(), certFile);
                } catch (RuntimeException e) {
                    cr = new String[] {"ERROR", "the arena could not check the answer: " + e};
                }
                cat = Category.valueOf(cr[0]);
                reason = cr[1] != null ? cr[1] : a.message();
            }
        }
        return new RunRow(run.runId(), run.solver().name(), inst.name(), run.seed(), cat, a.verdict() == null ? "UNKNOWN" : a.verdict(), reason,
                a.wallS(), a.cpuS(), a.peakRssMb(), inst.sha256(), a.termination(), a.exitCode(), inst.known());
    }

    /** {category, reason-or-null} for a run that ended by itself with a claimed verdict. */
    private String[] verify(ArenaInstance inst, String claimed, Path certFile) {
        if (claimed == null || "UNKNOWN".equals(claimed)) return new String[] {"UNKNOWN", null};
        if (!claimed.equals("COMPLETABLE") && !claimed.equals("NOT_COMPLETABLE") && !claimed.equals("SOLVED")) {
            return new String[] {"ERROR", "unknown verdict '" + claimed + "'"};
        }
        if (inst.known() != null && !inst.known().equals(claimed)) {
            return new String[] {"WRONG", "claimed " + claimed + ", but the known answer is " + inst.known()};
        }
        if (!Files.isRegularFile(certFile)) return new String[] {"WRONG", "claimed " + claimed + " without a certificate"};
        Certificate cert;
        try {
            cert = CertificateJson.read(certFile);
        } catch (InputException e) {
            return new String[] {"WRONG", "claimed " + claimed + " with an unreadable certificate: " + e.getMessage()};
        }
        if (!cert.verdict().name().equals(claimed)) {
            return new String[] {"WRONG", "claimed " + claimed + " but the certificate proves " + cert.verdict()};
        }
        Instance instance = instances.computeIfAbsent(inst.path(), p -> InstanceReader.read(p, null).instance());
        Judgement j = Kernel.check(instance, inst.sha256(), cert, kernel);
        if (j.outcome() == Outcome.REJECTED) return new String[] {"WRONG", "certificate rejected (" + j.check() + "): " + j.reason()};
        if (j.outcome() == Outcome.UNVERIFIED) return new String[] {"UNKNOWN", "claimed " + claimed + ", unverified: " + j.reason()};
        return new String[] {"CORRECT", null};
    }
}
