package mcs.verifier.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Runs one SPI solver of the class path under the external-solver protocol of SPEC §5:
 * {@code java -cp MCS:PLUGIN.jar mcs.verifier.submit.SpiAdapter NAME INSTANCE CERT_OUT}. Unlike
 * {@code mcs solve}, it writes whatever certificate the solver returns, unchecked, and prints its verdict:
 * judging is the arena's job. Exit 0 after an answer (even UNKNOWN), 2 on a bad instance or name.
 */
public final class SpiAdapter {
    private SpiAdapter() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SpiAdapter SOLVER-NAME INSTANCE CERT_OUT");
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
        System.out.println(new ObjectMapper().writeValueAsString(m));
    }
}
