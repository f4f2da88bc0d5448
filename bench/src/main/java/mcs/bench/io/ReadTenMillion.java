package mcs.bench.io;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.io.MatrixMarketData;
import mcs.problems.io.MatrixMarketInstances;
import mcs.problems.io.MatrixMarketReader;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.io.MatrixMarketWriter;
import java.util.List;

/**
 * One-off measurement (not a benchmark harness): generates an n = 10^6, m ≈ 10^7 symmetric file
 * (9 off-diagonal entries per row), then reads it three times reporting wall seconds and heap used
 * after a GC with the data still reachable. Arguments: [n] [offPerRow] [file].
 */
public final class ReadTenMillion {
    private ReadTenMillion() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int off = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempFile("mcs-10m", ".mtx");
        long t0 = System.nanoTime();
        long m = SymmetricFileGenerator.write(file, n, off, 1);
        System.out.printf("generated %d entries, %.1f MB in %.2f s%n", m, Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
        for (int rep = 0; rep < 3; rep++) {
            System.gc();
            long s = System.nanoTime();
            MatrixMarketData d = MatrixMarketReader.read(file);
            double read = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            Mc1Instance mc1 = MatrixMarketInstances.toMc1(d);
            double convert = (System.nanoTime() - s) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("read %d entries in %.2f s, toMc1 %.2f s, heap used with data + instance %.0f MB (m=%d)%n",
                    d.entries(), read, convert, heap / 1e6, mc1.m());
        }
        long s = System.nanoTime();
        LoadedInstance li = InstanceReader.read(file, null);
        System.out.printf("InstanceReader.read (inference, toMc1, SHA-256 in the same pass) %.2f s, sha %s%n", (System.nanoTime() - s) / 1e9, li.sha256());
        Path out = Files.createTempFile(file.toAbsolutePath().getParent(), "mcs-10m-out", ".mtx");
        s = System.nanoTime();
        MatrixMarketWriter.writeMc1(out, (Mc1Instance) li.instance(), List.of());
        System.out.printf("MatrixMarketWriter.writeMc1 %d entries, %.1f MB in %.2f s%n", li.instance().m(), Files.size(out) / 1e6, (System.nanoTime() - s) / 1e9);
        Files.delete(out);
        if (args.length <= 2) Files.delete(file);
    }
}
