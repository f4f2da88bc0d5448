package mcs.verifier.redteam;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import mcs.problems.io.Sha256;
import mcs.verifier.cli.Main;

/**
 * The judge's world as a hostile submitter sees it, in a temporary folder whose name is the marker of every
 * process the attack starts: a copy of the record ({@code record/}, proofs-data), the results folder of an
 * earlier competition ({@code old-results/}), a canary folder standing for the judge's $HOME ({@code home/}),
 * a secret file outside every sandbox ({@code secret/key.txt}), the attacker's own folder ({@code solver/})
 * and the instances of the competition ({@code instances/}). {@link #snapshot()} fingerprints what must not
 * change; {@link #survivors()} lists processes carrying the marker.
 */
final class World {
    final Path root;
    final Path record;
    final Path oldResults;
    final Path home;
    final Path secretFile;
    final String secret;
    final Path solver;
    final Path instances;
    /** A number no other process uses as its argument: hostile scripts sleep this long in the background. */
    final int sleepMarker;

    World(Path tmp) throws IOException {
        root = Files.createDirectories(tmp.resolve("redteam-" + UUID.randomUUID()));
        record = root.resolve("record");
        copyTree(repo().resolve("proofs-data"), record);
        home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve(".profile"), "# the judge's profile\n");
        secret = "SECRET-" + UUID.randomUUID();
        secretFile = Files.createDirectories(root.resolve("secret")).resolve("key.txt");
        Files.writeString(secretFile, secret + "\n");
        solver = Files.createDirectories(root.resolve("solver"));
        instances = Files.createDirectories(root.resolve("instances"));
        for (String f : List.of("spec-3x3-yes.mtx", "cycle4-c0.6.mtx")) Files.copy(record.resolve("examples").resolve(f), instances.resolve(f));
        oldResults = root.resolve("old-results");
        sleepMarker = 20000 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 30000);
    }

    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("proofs-data"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("proofs-data not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** Replaces the placeholders RECORD, OLD_RESULTS, HOME_DIR, SECRET_FILE, MARKER, SLEEP in a script. */
    String expand(String script) {
        return script.replace("@RECORD@", record.toString()).replace("@OLD_RESULTS@", oldResults.toString()).replace("@HOME_DIR@", home.toString())
                .replace("@SECRET_FILE@", secretFile.toString()).replace("@MARKER@", root.toString()).replace("@SLEEP@", Integer.toString(sleepMarker));
    }

    /** Writes an executable script into the attacker's folder. */
    Path script(String name, String text) throws IOException {
        Path f = solver.resolve(name);
        Files.writeString(f, expand(text), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    /**
     * SHA-256 of every file (and the target of every link) under the record, the old results and the canary
     * home, keyed by path: equal snapshots mean nothing there was written, added, removed or replaced.
     */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (Path top : List.of(record, oldResults, home)) {
            if (!Files.exists(top)) {
                m.put(top.toString(), "absent");
                continue;
            }
            try (Stream<Path> s = Files.walk(top)) {
                for (Path p : s.toList()) {
                    String key = root.relativize(p).toString();
                    if (Files.isSymbolicLink(p)) m.put(key, "link->" + Files.readSymbolicLink(p));
                    else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) m.put(key, "dir");
                    else m.put(key, Sha256.ofFile(p));
                }
            }
        }
        return m;
    }

    /** Live processes whose command line carries the world's marker or the sleep marker. */
    List<String> survivors() throws IOException {
        List<String> out = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : ds) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    String stat = Files.readString(p.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (state != 'Z' && (cmd.contains(root.toString()) || cmd.contains("sleep " + sleepMarker))) out.add(p.getFileName() + ": " + cmd);
                } catch (IOException e) {
                    // ended while we looked
                }
            }
        }
        return out;
    }

    /** Every byte of every file under {@code dir}, as text, to search for the secret. */
    static String allText(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        if (!Files.exists(dir)) return "";
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) b.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).append('\n');
        }
        return b.toString();
    }

    /** The mcs command run in-process, with its exit code and both output streams. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run mcs(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Run(code, o.toString(), e.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
