package mcs.verifier.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * An external command seen through the solver SPI, so that the property-based search can examine it like
 * any plug-in: each call writes the instance to a temporary file, runs {@code COMMAND… INSTANCE CERT_OUT}
 * (the arena protocol of SPEC §5) with a wall-clock limit, reads the {@code verdict} (and {@code value})
 * from the JSON object on stdout and the certificate from CERT_OUT. A verdict claimed without a readable
 * certificate is returned with an empty certificate, which the kernel rejects: the claim is kept, not
 * excused. On the limit the whole process tree is killed.
 */
final class CommandSolver implements Solver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STDOUT_CAP = 1 << 20;
    private final String name;
    private final Problem problem;
    private final List<String> command;
    private final double limitSeconds;

    CommandSolver(String name, Problem problem, List<String> command, double limitSeconds) {
        this.name = name;
        this.problem = problem;
        this.command = List.copyOf(command);
        this.limitSeconds = limitSeconds;
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
        return "external command " + String.join(" ", command) + " (submitted; nothing is assumed)";
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
            Path cert = dir.resolve("certificate.json");
            InstanceWriter.write(inst, instance, List.of());
            List<String> cmd = new ArrayList<>(command);
            cmd.add(inst.toString());
            cmd.add(cert.toString());
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> out[0] = readCapped(p.getInputStream()), "mcs-submitted-stdout");
            reader.start();
            if (!p.waitFor((long) (limitSeconds * 1000), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return SolverResult.of(name, Status.TIMEOUT, "no answer within " + limitSeconds + " s");
            }
            reader.join();
            return parse(out[0], cert);
        } catch (IOException e) {
            return SolverResult.of(name, Status.ERROR, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SolverResult.of(name, Status.TIMEOUT, "interrupted");
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private SolverResult parse(byte[] stdout, Path cert) {
        JsonNode j;
        try {
            j = JSON.readTree(stdout);
        } catch (IOException e) {
            return SolverResult.of(name, Status.ERROR, "stdout is not a JSON object: " + e.getMessage());
        }
        String v = j == null ? "" : j.path("verdict").asText("");
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(v);
        } catch (IllegalArgumentException e) {
            return SolverResult.of(name, Status.ERROR, "unknown verdict '" + v + "'");
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        if (verdict == Verdict.UNKNOWN) return SolverResult.unknown(name, "the command answered UNKNOWN", stats);
        Certificate c;
        try {
            c = CertificateJson.read(cert);
        } catch (InputException e) {
            stats.put("certificate_error", e.oneLine());
            c = new Certificate(problem, null, verdict, null, j.path("value").isTextual() ? j.get("value").asText() : null, j.path("exact").asBoolean(false), null);
        }
        return SolverResult.solved(name, c, stats, "");
    }

    private static byte[] readCapped(InputStream in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            for (int r; (r = in.read(buf)) >= 0; ) if (b.size() < STDOUT_CAP) b.write(buf, 0, Math.min(r, STDOUT_CAP - b.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless; the answer is what matters.
        }
    }
}
