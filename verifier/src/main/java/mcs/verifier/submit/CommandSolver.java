package mcs.verifier.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceWriter;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Limits;
import mcs.verifier.sandbox.Sandbox;
import mcs.verifier.sandbox.SandboxRequest;
import mcs.verifier.sandbox.SandboxResult;

/**
 * A submitted command (or a submitted jar run by {@link SpiAdapter} in a child JVM) seen through the solver
 * SPI, so that the property-based search can examine it like any plug-in. Each call writes the instance to
 * a fresh file of the judge's, runs {@code COMMAND… INSTANCE CERT_OUT} (SPEC §5) in the sandbox
 * ({@link Sandbox}, with the submission's limits and isolation), reads the {@code verdict} (and
 * {@code value}) from the JSON object on stdout and the certificate from the bytes the judge copied out after
 * the run. A verdict claimed without a readable certificate is returned with an empty certificate, which the
 * kernel rejects: the claim is kept, not excused. A certificate over the cap is reported as UNKNOWN.
 */
final class CommandSolver implements Solver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final Problem problem;
    private final List<String> command;
    private final List<Path> visible;
    private final Limits limits;
    private final Isolation isolation;

    CommandSolver(String name, Problem problem, List<String> command, List<Path> visible, Limits limits, Isolation isolation) {
        this.name = name;
        this.problem = problem;
        this.command = List.copyOf(command);
        this.visible = List.copyOf(visible);
        this.limits = limits;
        this.isolation = isolation;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Problem problem() {
        return problem;
    }

    @Override
    public SolverKind kind() {
        return SolverKind.HEURISTIC;
    }

    @Override
    public String guarantees() {
        return "external command " + String.join(" ", command) + " (submitted; nothing is assumed; isolation " + isolation.id() + ")";
    }

    @Override
    public boolean accepts(Instance instance) {
        return instance.problem() == problem;
    }

    @Override
    public SolverResult solve(Instance instance, String sha, SolverOptions options) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mcs-submitted");
            Path inst = dir.resolve(problem == Problem.APPROXIMATE_SQUARING ? "instance.json" : "instance.mtx");
            InstanceWriter.write(inst, instance, List.of());
            // The folder holds only the instance (an MC2 descriptor and its two matrices): shown read-only.
            List<Path> show = new java.util.ArrayList<>(visible);
            show.add(dir);
            SandboxResult r = Sandbox.run(new SandboxRequest(command, inst, show, limits, isolation, name));
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("isolation", r.isolation());
            if (r.termination().equals("timeout")) return new SolverResult(name, Status.TIMEOUT, Verdict.UNKNOWN, null, null, false, stats, "no answer within " + limits.wallSeconds() + " s");
            if (r.termination().equals("memory")) return new SolverResult(name, Status.ERROR, Verdict.UNKNOWN, null, null, false, stats, "memory limit: " + r.reason());
            if (!r.exited()) return new SolverResult(name, Status.ERROR, Verdict.UNKNOWN, null, null, false, stats, r.termination() + ": " + r.reason());
            return parse(r, stats);
        } catch (IOException e) {
            return SolverResult.of(name, Status.ERROR, "cannot run " + command.get(0) + ": " + e.getMessage());
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private SolverResult parse(SandboxResult r, Map<String, Object> stats) {
        JsonNode j;
        try {
            j = JSON.readTree(r.stdout());
        } catch (IOException e) {
            return new SolverResult(name, Status.ERROR, Verdict.UNKNOWN, null, null, false, stats, "stdout is not a JSON object: " + e.getMessage());
        }
        String v = j == null ? "" : j.path("verdict").asText("");
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(v);
        } catch (IllegalArgumentException e) {
            return new SolverResult(name, Status.ERROR, Verdict.UNKNOWN, null, null, false, stats, "unknown verdict '" + v + "'");
        }
        if (verdict == Verdict.UNKNOWN) return SolverResult.unknown(name, "the command answered UNKNOWN", stats);
        if (r.certificateOverCap()) return SolverResult.unknown(name, "claimed " + verdict + ", not judged: " + r.certificateProblem(), stats);
        Certificate c;
        try {
            if (r.certificate() == null) throw new InputException("CERT_OUT", 0, r.certificateProblem() != null ? r.certificateProblem() : "no certificate was written");
            c = CertificateJson.read(r.certificate(), "CERT_OUT");
        } catch (InputException e) {
            stats.put("certificate_error", e.oneLine());
            c = new Certificate(problem, null, verdict, null, j.path("value").isTextual() ? j.get("value").asText() : null, j.path("exact").asBoolean(false), null);
        }
        return SolverResult.solved(name, c, stats, "");
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless; the answer is what matters.
        }
    }
}
