package mcs.bench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mcs.problems.io.MatrixMarketData;
import mcs.problems.io.MatrixMarketReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a {@code coordinate real symmetric} file with {@link MatrixMarketReader} against a naive
 * reader (BufferedReader, String.split, Double.parseDouble and a BigDecimal per entry) in the same run.
 * The file has about {@code entries} entries (n = entries/10 rows, 9 off-diagonal entries per row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class MatrixMarketReadBench {
    @Param({"1000000"})
    public int entries;

    private Path file;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        file = Files.createTempFile("mcs-bench", ".mtx");
        SymmetricFileGenerator.write(file, Math.max(10, entries / 10), 9, 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public MatrixMarketData ours() {
        return MatrixMarketReader.read(file);
    }

    /** The baseline: what a straightforward reader does, keeping exact values as BigDecimal. */
    @Benchmark
    public Object naive() throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null && line.startsWith("%")) { /* comments */ }
            String[] size = line.trim().split("\\s+");
            int m = Integer.parseInt(size[2]);
            int[] row = new int[m], col = new int[m];
            double[] v = new double[m];
            BigDecimal[] exact = new BigDecimal[m];
            for (int k = 0; k < m; k++) {
                String[] t = r.readLine().trim().split("\\s+");
                row[k] = Integer.parseInt(t[0]) - 1;
                col[k] = Integer.parseInt(t[1]) - 1;
                v[k] = Double.parseDouble(t[2]);
                exact[k] = new BigDecimal(t[2]);
            }
            return new Object[] {row, col, v, exact};
        }
    }
}
