package mcs.bench.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a random {@code coordinate real symmetric} Matrix Market file for read benchmarks: n rows,
 * each with its diagonal (value 10) and up to {@code offPerRow} distinct random columns below it
 * (values with six decimals in (−1, 1)), rows in order, columns within a row in random order.
 * Entries ≈ n·(offPerRow + 1). Deterministic for a seed.
 */
public final class SymmetricFileGenerator {
    private SymmetricFileGenerator() {}

    /** @return the number of entries written */
    public static long write(Path file, int n, int offPerRow, long seed) throws IOException {
        Random r = new Random(seed);
        long m = 0;
        int[] cols = new int[offPerRow];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) counts[i] = Math.min(i, offPerRow);
        for (int i = 0; i < n; i++) m += counts[i] + 1;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("%%MatrixMarket matrix coordinate real symmetric\n% benchmark seed " + seed + "\n" + n + " " + n + " " + m + "\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < n; i++) {
                int c = counts[i];
                for (int t = 0; t < c; t++) {
                    int j;
                    boolean dup;
                    do {
                        j = r.nextInt(i);
                        dup = false;
                        for (int u = 0; u < t; u++) dup |= cols[u] == j;
                    } while (dup);
                    cols[t] = j;
                    sb.setLength(0);
                    int v = r.nextInt(2_000_000) - 1_000_000;
                    sb.append(i + 1).append(' ').append(j + 1).append(' ').append(v < 0 ? "-" : "").append("0.");
                    String frac = Integer.toString(Math.abs(v) % 1_000_000);
                    for (int z = frac.length(); z < 6; z++) sb.append('0');
                    sb.append(frac).append('\n');
                    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                }
                out.write(((i + 1) + " " + (i + 1) + " 10\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return m;
    }
}
