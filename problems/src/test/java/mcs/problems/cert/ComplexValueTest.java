package mcs.problems.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import mcs.problems.exact.Rational;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplexValueTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "-3/2+5/7i, -3/2, 5/7", "4-1i, 4, -1", "7, 7, 0", "5i, 0, 5", "-3/2i, 0, -3/2",
        "1e-3+2e+1i, 1/1000, 20", "0+1i, 0, 1", "-2.5-0.5i, -5/2, -1/2"
    })
    void parses(String text, String re, String im) {
        ComplexValue v = ComplexValue.parse(text);
        assertEquals(Rational.parse(re), v.re());
        assertEquals(Rational.parse(im), v.im());
        assertEquals(v, ComplexValue.parse(v.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "i", "1+i", "abc", "1+2j", "1++2i"})
    void rejects(String text) {
        assertThrows(NumberFormatException.class, () -> ComplexValue.parse(text));
    }
}
