package mcs.problems.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Optional;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.io.MatrixMarketHeader.Field;
import mcs.problems.io.MatrixMarketHeader.Format;
import mcs.problems.io.MatrixMarketHeader.Symmetry;

/**
 * Loads an instance file and infers its problem (SPEC §3.1): a JSON descriptor (first non-blank byte
 * {@code '{'}) names its problem ({@link Mc2Descriptor} for approximate-squaring, {@link RepeatDescriptor} for
 * hafnians, loop hafnians and permanents with repeated rows and columns); a Matrix Market {@code coordinate} {@code real|integer}
 * {@code symmetric} file is psd-completion; a square {@code general} matrix is permanent; an
 * {@code array symmetric} matrix is a hafnian input (the mcs extension its writer relies on). Anything else
 * needs an explicit problem. The SHA-256 is computed from the same bytes the parser reads (one pass).
 */
public final class InstanceReader {
    private InstanceReader() {}

    /**
     * @param override the problem to read the file as ({@code --problem}), or null to infer it
     * @throws InputException for unreadable files (line 0), bad content, or a problem that does not fit
     */
    public static LoadedInstance read(Path file, Problem override) {
        String name = file.toString();
        if (isJson(file)) {
            String sha = Sha256.ofFile(file);
            RepeatDescriptor.Named named = RepeatDescriptor.peekProblem(file);
            if (named.problem() != Problem.APPROXIMATE_SQUARING) {
                RepeatDescriptor r = RepeatDescriptor.read(file);
                if (override != null && override != r.problem()) {
                    throw new InputException(name, r.problemLine(), "the descriptor describes " + r.problem().id() + ", not " + override.id());
                }
                return new LoadedInstance(r.load(), sha, file);
            }
            Mc2Descriptor d = Mc2Descriptor.read(file);
            if (override != null && override != d.problem()) {
                throw new InputException(name, d.problemLine(), "the descriptor describes " + d.problem().id() + ", not " + override.id());
            }
            return new LoadedInstance(d.load(), sha, file);
        }
        MessageDigest md = Sha256.newDigest();
        MatrixMarketData data;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            data = MatrixMarketReader.read(in, Files.size(file), name);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
        Problem p = override != null ? override : infer(data);
        Instance inst = switch (p) {
            case PSD_COMPLETION -> withPromise(MatrixMarketInstances.toMc1(data), file);
            case PERMANENT, HAFNIAN, PERMANENT_ESTIMATE, HAFNIAN_ESTIMATE, LOOP_HAFNIAN -> MatrixMarketInstances.toPerm(data, p);
            case APPROXIMATE_SQUARING -> throw new InputException(name, 0, "approximate-squaring needs a JSON descriptor {\"problem\": \"approximate-squaring\", \"a\": …, \"omega\": …}");
        };
        return new LoadedInstance(inst, Sha256.hex(md.digest()), file);
    }

    /** The instance under the ε-promise its header states ({@link HeaderComments#promise}), if any. */
    private static Instance withPromise(Mc1Instance inst, Path file) {
        return HeaderComments.promise(file).map(p -> (Instance) new Mc1Instance(inst.matrix(), Optional.of(p))).orElse(inst);
    }

    /** The problem SPEC §3.1 infers for a Matrix Market file. */
    public static Problem infer(MatrixMarketData d) {
        MatrixMarketHeader h = d.header();
        if (h.format() == Format.COORDINATE && h.symmetry() == Symmetry.SYMMETRIC && (h.field() == Field.REAL || h.field() == Field.INTEGER)) {
            return Problem.PSD_COMPLETION;
        }
        if (h.symmetry() == Symmetry.GENERAL && d.isSquare()) return Problem.PERMANENT;
        // mcs writes hafnian inputs as array symmetric; MC1 files are always coordinate, so this is unambiguous.
        if (h.format() == Format.ARRAY && h.symmetry() == Symmetry.SYMMETRIC && d.isSquare()) return Problem.HAFNIAN;
        throw new InputException(d.file(), 1, "cannot infer the problem of '" + h.bannerLine() + "' (" + d.rows() + "x" + d.cols() + "); name it with --problem");
    }

    private static boolean isJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{';
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + MatrixMarketReader.ioMessage(e));
        }
    }
}
