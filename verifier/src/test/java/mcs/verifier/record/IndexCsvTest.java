package mcs.verifier.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCsvTest {
    @TempDir Path tmp;

    @Test
    void fieldsWithCommasQuotesAndLineBreaksRoundTrip() throws IOException {
        var a = new IndexCsv.Row("a", "tiny", "permanent", "spec", 2, 4, "10", "value", "x.mtx", "x.cert.json", "SPEC §6, \"vectors\"", "two\nlines");
        var b = new IndexCsv.Row("b", "public", "psd-completion", "grid", 16, 40, "NOT_COMPLETABLE", "entries", "y.mtx", "y.cert.json", "", "");
        Path f = tmp.resolve("index.csv");
        IndexCsv.write(f, List.of(a, b));
        assertEquals(List.of(a, b), IndexCsv.read(f));
    }

    @Test
    void malformedRowsNameTheirLine() throws IOException {
        Path f = tmp.resolve("index.csv");
        Files.writeString(f, String.join(",", IndexCsv.HEADER) + "\na,tiny,permanent,spec,2,4,10,value,x.mtx,x.json,p,n\nb,tiny,permanent\n");
        InputException e = assertThrows(InputException.class, () -> IndexCsv.read(f));
        assertEquals(3, e.line());
        Files.writeString(f, "id,wrong\n");
        assertEquals(1, assertThrows(InputException.class, () -> IndexCsv.read(f)).line());
        Files.writeString(f, String.join(",", IndexCsv.HEADER) + "\na,tiny,permanent,spec,two,4,10,value,x.mtx,x.json,p,n\n");
        assertTrue(assertThrows(InputException.class, () -> IndexCsv.read(f)).getMessage().contains("integers"));
    }
}
