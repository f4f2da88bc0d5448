package mcs.solvers.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class TeamTest {
    /** Every task of every section runs exactly once and the section is complete when run returns, for many short sections in a row. */
    @Test
    void eachTaskRunsOnceAndSectionsDoNotOverlap() {
        for (int threads : new int[] {1, 2, 3}) {
            try (Team team = new Team(threads)) {
                assertEquals(threads, team.threads());
                for (int section = 0; section < 20_000; section++) {
                    int count = 1 + section % 7;
                    AtomicIntegerArray hits = new AtomicIntegerArray(count);
                    long[] out = new long[count];
                    int s = section;
                    team.run(count, i -> {
                        hits.incrementAndGet(i);
                        out[i] = (long) s * 31 + i;
                    });
                    for (int i = 0; i < count; i++) {
                        assertEquals(1, hits.get(i), threads + " threads, section " + section + ", task " + i);
                        assertEquals((long) s * 31 + i, out[i]);
                    }
                }
            }
        }
    }

    /** A section after a long pause (the workers parked) still runs all its tasks. */
    @Test
    void wakesParkedWorkers() throws InterruptedException {
        try (Team team = new Team(2)) {
            for (int round = 0; round < 3; round++) {
                Thread.sleep(3 * Team.SPIN_NANOS / 1_000_000 + 5);
                int[] out = new int[4];
                team.run(4, i -> out[i] = i + 1);
                assertArrayEquals(new int[] {1, 2, 3, 4}, out);
            }
        }
    }

    /** A task's exception reaches the caller after the other tasks ended, and the team stays usable. */
    @Test
    void rethrowsAfterAllTasksEnded() {
        try (Team team = new Team(2)) {
            IllegalArgumentException boom = new IllegalArgumentException("task 1");
            AtomicIntegerArray hits = new AtomicIntegerArray(4);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.run(4, i -> {
                hits.incrementAndGet(i);
                if (i == 1) throw boom;
            }));
            assertSame(boom, e);
            for (int i = 0; i < 4; i++) assertEquals(1, hits.get(i));
            int[] out = new int[3];
            team.run(3, i -> out[i] = 7);
            assertArrayEquals(new int[] {7, 7, 7}, out);
        }
    }

    /** With two threads the caller and the worker share the tasks (the worker is not idle). */
    @Test
    void workerTakesPart() {
        try (Team team = new Team(2)) {
            Thread caller = Thread.currentThread();
            boolean[] other = new boolean[1];
            for (int section = 0; section < 200 && !other[0]; section++) {
                team.run(2, i -> {
                    if (Thread.currentThread() != caller) other[0] = true;
                    long until = System.nanoTime() + 200_000;
                    while (System.nanoTime() < until) Thread.onSpinWait();
                });
            }
            assertTrue(other[0], "a worker ran a task");
        }
    }
}
