package mcs.verifier.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.record.LibraryCheck;

/** {@code mcs verify --all DIR}: runs {@link LibraryCheck} and reports it; exit 0 when intact, 3 otherwise. */
final class RecordReport {
    private RecordReport() {}

    static int verifyAll(PrintWriter out, boolean json, Path dir, Set<String> tiers, KernelOptions ko) {
        if (!Files.isDirectory(dir)) throw new UsageException("--all: no such folder: " + dir);
        long t0 = System.nanoTime();
        List<LibraryCheck.Item> items = LibraryCheck.run(dir, tiers, ko, it -> {
            if (!json && !it.ok()) {
                out.printf("FAILED  %s: %s%n", it.item(), it.detail());
                out.flush();
            }
        });
        List<LibraryCheck.Item> failed = items.stream().filter(i -> !i.ok()).toList();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", "mcs-record-check/1");
            m.put("dir", dir.toString());
            m.put("verdict", failed.isEmpty() ? "ACCEPTED" : "REJECTED");
            m.put("checked", items.size());
            List<Map<String, Object>> f = new ArrayList<>();
            for (var i : failed) f.add(Map.of("item", i.item(), "reason", i.detail()));
            m.put("failed", f);
            m.put("seconds", Math.round(seconds * 1000) / 1000.0);
            out.println(Report.toJson(m));
        } else {
            out.printf("%s: %d checks, %d failed, %s s%n", dir, items.size(), failed.size(), SolveRunner.fmt(seconds));
        }
        out.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
    }
}
