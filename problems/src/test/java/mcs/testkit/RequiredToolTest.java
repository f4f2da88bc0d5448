package mcs.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {
    @Test
    void demandReadsTheCommaList() {
        assertTrue(RequiredTool.demanded("bwrap", "chromium, bwrap"));
        assertTrue(RequiredTool.demanded("csdp", "ALL"));
        assertFalse(RequiredTool.demanded("csdp", "chromium,bwrap"));
        assertFalse(RequiredTool.demanded("csdp", null));
        assertFalse(RequiredTool.demanded("csdp", " "));
    }

    @Test
    void availableToolPassesAndMissingOneSkipsOrFails() {
        RequiredTool.require("anything", true, "nothing to do");
        String tool = "no-such-tool-" + System.nanoTime();
        if (RequiredTool.demanded(tool)) {
            assertThrows(AssertionFailedError.class, () -> RequiredTool.require(tool, false, "x"));
        } else {
            assertThrows(TestAbortedException.class, () -> RequiredTool.require(tool, false, "x"));
        }
    }
}
