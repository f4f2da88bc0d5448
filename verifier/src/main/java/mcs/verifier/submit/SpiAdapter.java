package mcs.verifier.submit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;

/**
 * Runs one SPI solver of a submitted jar under the external-solver protocol of SPEC §5, in a child JVM that
 * the judge starts in the sandbox ({@link SpiCommand}): {@code java -cp MCS:PLUGIN.jar
 * mcs.verifier.submit.SpiAdapter NAME INSTANCE CERT_OUT}. The submitted jar is never loaded into the judge's
 * JVM. Unlike {@code mcs solve}, it writes whatever certificate the solver returns, unchecked, and prints
 * its verdict: judging is the judge's job, on the bytes it copies out after the run. Exit 0 after an answer
 * (even UNKNOWN), 2 on a bad instance or name.
 *
 * <p>{@code SpiAdapter --describe NAME} prints {@code {"name", "problem", "kind"}} of the solver of that name
 * (exit 2 when there is none), so that the judge learns what a jar's solver is without loading the jar.
 */
public final class SpiAdapter {
    private SpiAdapter() {}

    public static void main(String[] args) throws Exception {
        // The sandbox's only writable place is its private directory: temporary files go there.
        String tmp = System.getenv("TMPDIR");
        if (tmp != null && !tmp.isEmpty()) System.setProperty("java.io.tmpdir", tmp);
        if (args.length == 2 && args[0].equals("--describe")) {
            describe(args[1]);
            return;
        }
        if (args.length != 3) {
            System.err.println("usage: SpiAdapter SOLVER-NAME INSTANCE CERT_OUT | SpiAdapter --describe SOLVER-NAME");
            System.exit(2);
        }
        LoadedInstance li;
        try {
            li = InstanceReader.read(Path.of(args[1]), null);
        } catch (InputException e) {
            System.err.println("mcs: error: " + e.oneLine());
            System.exit(2);
            return;
        }
        Solver solver = null;
        for (Solver s : ServiceLoader.load(Solver.class)) if (s.name().equals(args[0]) && s.problem() == li.instance().problem()) solver = s;
        if (solver == null) {
            System.err.println("mcs: error: no solver '" + args[0] + "' for " + li.instance().problem().id() + " on the class path");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        SolverResult r = solver.solve(li.instance(), li.sha256(), SolverOptions.defaults());
        if (r.certificate() != null) CertificateJson.write(Path.of(args[2]), r.certificate());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", li.instance().problem().id());
        m.put("solver", solver.name());
        m.put("verdict", r.verdict().name());
        m.put("value", r.value());
        m.put("exact", r.exact());
        m.put("certificate", r.certificate() == null ? null : args[2]);
        m.put("seconds", (System.nanoTime() - t0) / 1e9);
        m.put("n", li.instance().n());
        m.put("m", li.instance().m());
        System.out.println(json(m));
    }

    /**
     * One flat JSON object. Written by hand: Jackson's ObjectMapper costs a child JVM a large part of its
     * start-up, and every run of a submitted jar is a fresh JVM.
     */
    static String json(Map<String, Object> m) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (b.length() > 1) b.append(',');
            quote(b, e.getKey()).append(':');
            Object v = e.getValue();
            if (v == null) b.append("null");
            else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) b.append(v);
            else if (v instanceof Double d) b.append(Double.isFinite(d) ? d.toString() : "null");
            else quote(b, v.toString());
        }
        return b.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"');
    }

    private static void describe(String name) throws Exception {
        for (Solver s : ServiceLoader.load(Solver.class)) {
            if (!s.name().equals(name)) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("problem", s.problem().id());
            m.put("kind", s.kind().name());
            System.out.println(json(m));
            return;
        }
        System.err.println("mcs: error: no solver named '" + name + "' on the class path");
        System.exit(2);
    }
}
