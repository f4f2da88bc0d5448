package mcs.verifier.search.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds the test plug-in jar (solvers and a property listed in META-INF/services) from the compiled test classes. */
public final class PluginJar {
    private PluginJar() {}

    public static Path build(Path dir) throws IOException {
        Path jar = dir.resolve("test-plugin.jar");
        Class<?>[] classes = {WrongSmallBlocksSolver.class, WrongSmallBlocksSolver.TwoByTwo.class, RowProductBound.class, NonnegativePermanent.class};
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : classes) {
                String res = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(res));
                try (InputStream in = c.getClassLoader().getResourceAsStream(res)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            service(out, "mcs.problems.spi.Solver", WrongSmallBlocksSolver.class.getName() + "\n" + WrongSmallBlocksSolver.TwoByTwo.class.getName() + "\n" + RowProductBound.class.getName());
            service(out, "mcs.problems.spi.Property", NonnegativePermanent.class.getName());
        }
        return jar;
    }

    private static void service(OutputStream o, String name, String lines) throws IOException {
        JarOutputStream out = (JarOutputStream) o;
        out.putNextEntry(new JarEntry("META-INF/services/" + name));
        out.write((lines + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
