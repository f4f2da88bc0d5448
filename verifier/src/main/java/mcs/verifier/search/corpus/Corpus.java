package mcs.verifier.search.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mcs.problems.cert.Certificate;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;
import mcs.problems.io.AtomicFile;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.InstanceWriter;
import mcs.problems.io.Sha256;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.search.Found;
import mcs.verifier.search.SearchConfig;

/**
 * The counterexample corpus: {@code ROOT/<property>/} (':' in the property name becomes '_') holds, per
 * counterexample, {@code NAME.mtx} (the shrunk instance, Matrix Market), {@code NAME.json} (format
 * {@value #FORMAT}: seed, try, generator, shrink steps, versions, verdicts, kernel judgement) and, when
 * the reference answer has one, {@code NAME.cert.json}, a certificate checked by the kernel before it is
 * written (so {@code mcs verify NAME.mtx NAME.cert.json} accepts it). NAME is {@code n<N>-} plus the first
 * 12 hex digits of the instance file's SHA-256, so saving the same counterexample twice is idempotent.
 *
 * <p>An entry's {@code status} is {@code open} (the property still fails on it: a false conjecture, an
 * unfixed bug) or {@code fixed} (it must pass now); the corpus replay test holds every entry to it.
 */
public final class Corpus {
    public static final String FORMAT = "mcs-counterexample/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Corpus() {}

    /** @param certificate null when the reference answer had none */
    public record Saved(Path instance, Path json, Path certificate, String kernel) {}

    /** @param certificate null when there is none */
    public record Entry(Path json, String property, Problem problem, Path instance, String instanceSha256, String status, Path certificate) {}

    public static Path directory(Path root, String property) {
        return root.resolve(property.replace(':', '_'));
    }

    /** Writes the shrunk counterexample of a run; the certificate is judged by the kernel first. */
    public static Saved save(Path root, SearchConfig c, Found f, List<String> versions) throws IOException {
        Path dir = directory(root, c.property().name());
        Files.createDirectories(dir);
        Instance inst = f.shrunk().instance();
        Path tmp = Files.createTempFile(dir, "counterexample", ".mtx");
        String sha;
        try {
            List<String> comments = List.of("counterexample to " + c.property().name(), "found by mcs search --seed " + c.seed() + " (try seed " + f.trySeed() + ")");
            InstanceWriter.write(tmp, inst, comments);
            sha = Sha256.ofFile(tmp);
            String name = "n" + inst.n() + "-" + sha.substring(0, 12);
            Path mtx = dir.resolve(name + ".mtx");
            InstanceWriter.write(mtx, inst, comments); // byte-deterministic: same hash, ordinary permissions
            Path certPath = null;
            String kernel = null;
            Certificate cert = f.shrunk().result().certificate();
            if (cert != null) {
                Certificate bound = cert.withInstanceSha256(sha);
                Judgement j = Kernel.check(mcs.problems.io.InstanceReader.read(mtx, inst.problem()).instance(), sha, bound, KernelOptions.defaults());
                kernel = j.outcome() + ": " + j.reason();
                certPath = dir.resolve(name + ".cert.json");
                CertificateJson.write(certPath, bound);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", FORMAT);
            doc.put("property", c.property().name());
            doc.put("claim", c.property().description());
            doc.put("status", "open");
            doc.put("problem", inst.problem().id());
            doc.put("instance", mtx.getFileName().toString());
            doc.put("instance_sha256", sha);
            doc.put("n", inst.n());
            doc.put("m", inst.m());
            doc.put("message", f.shrunk().result().message());
            doc.put("verdicts", f.shrunk().result().verdicts());
            doc.put("certificate", certPath == null ? null : certPath.getFileName().toString());
            doc.put("kernel", kernel);
            doc.put("seed", c.seed());
            doc.put("try", f.tryIndex());
            doc.put("try_seed", f.trySeed());
            doc.put("generator", c.generatorName());
            doc.put("orders", c.nMin() + ".." + c.nMax());
            doc.put("targeted", c.targeted());
            doc.put("replay", c.replayCommand(f.trySeed()));
            Map<String, Object> original = new LinkedHashMap<>();
            original.put("n", f.original().n());
            original.put("m", f.original().m());
            original.put("message", f.originalResult().message());
            doc.put("original", original);
            doc.put("shrink_steps", f.shrunk().steps());
            doc.put("shrink_evaluations", f.shrunk().evaluations());
            doc.put("local_minimum", f.shrunk().localMinimum());
            Map<String, Object> seconds = new LinkedHashMap<>();
            seconds.put("find", round(f.findSeconds()));
            seconds.put("shrink", round(f.shrinkSeconds()));
            doc.put("seconds", seconds);
            doc.put("versions", versions);
            Path json = dir.resolve(name + ".json");
            byte[] bytes = (JSON.writeValueAsString(doc) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicFile.write(json, out -> out.write(bytes));
            return new Saved(mtx, json, certPath, kernel);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double round(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    /** Every entry under the root (empty when the root does not exist), sorted by path. */
    public static List<Entry> entries(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root, 2)) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".cert.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> out = new ArrayList<>();
        for (Path p : files) out.add(read(p));
        return out;
    }

    /** @throws InputException naming the file when it is not a counterexample document */
    public static Entry read(Path json) {
        JsonNode d;
        try {
            d = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new InputException(json.toString(), 0, "not JSON: " + e.getMessage());
        }
        if (d == null || !FORMAT.equals(d.path("format").asText())) throw new InputException(json.toString(), 1, "format is not " + FORMAT);
        for (String k : List.of("property", "problem", "instance", "instance_sha256", "status")) {
            if (!d.hasNonNull(k)) throw new InputException(json.toString(), 1, "missing field '" + k + "'");
        }
        Path dir = json.getParent();
        String cert = d.path("certificate").isTextual() ? d.get("certificate").asText() : null;
        return new Entry(json, d.get("property").asText(), Problem.fromId(d.get("problem").asText()), dir.resolve(d.get("instance").asText()),
                d.get("instance_sha256").asText(), d.get("status").asText(), cert == null ? null : dir.resolve(cert));
    }

    /** Loads an entry's instance (checking its hash against the document). */
    public static Instance load(Entry e) {
        var loaded = InstanceReader.read(e.instance(), e.problem());
        if (!loaded.sha256().equals(e.instanceSha256())) throw new InputException(e.json().toString(), 1, "instance " + e.instance() + " has SHA-256 " + loaded.sha256() + ", not " + e.instanceSha256());
        return loaded.instance();
    }

    /** The instances recorded for one property (start points of targeted search). */
    public static List<Instance> instances(Path root, String property) {
        return entries(root).stream().filter(e -> e.property().equals(property)).map(Corpus::load).toList();
    }
}
