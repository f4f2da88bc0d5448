package mcs.verifier.arena;

import java.util.Locale;

/**
 * {@code mcs arena slurm PLAN}: an {@code sbatch} array script in which task K of N runs
 * {@code mcs arena run PLAN --out OUT/shard-K --shard K/N --resume} (a requeued task resumes where it
 * stopped), followed by the command that merges the shards. Resources per task: {@code jobs + 1} CPUs
 * (one for the arena and kernel), {@code jobs × memory limit + 1 GiB} of memory, and a wall time of
 * 1.25 × (runs per shard × (limit + grace) / jobs) + 10 minutes.
 */
public final class SlurmScript {
    private SlurmScript() {}

    /**
     * @param runs number of runs in the whole plan
     * @param mcs the command that starts mcs on the cluster's nodes
     * @param partition SLURM partition, or null for the cluster's default
     */
    public static String render(Plan plan, String planPath, String outDir, int shards, int runs, String mcs, String partition) {
        if (shards < 1) throw new IllegalArgumentException("--shards must be >= 1");
        int perShard = (runs + shards - 1) / shards;
        double seconds = 1.25 * perShard * (plan.timeLimitS() + plan.graceS()) / plan.jobs() + 600;
        long s = (long) Math.ceil(seconds);
        String time = String.format(Locale.ROOT, "%d-%02d:%02d:%02d", s / 86400, (s / 3600) % 24, (s / 60) % 60, s % 60);
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("# mcs arena: ").append(runs).append(" runs of ").append(q(planPath)).append(" in ").append(shards).append(" shards (about ")
                .append(perShard).append(" runs each).\n");
        b.append("# Submit: sbatch THIS_FILE. When every task has finished, merge the shards:\n");
        b.append("#   ").append(mcs).append(" arena merge ").append(q(outDir)).append("/shard-* --out ").append(q(outDir)).append("/merged\n");
        b.append("#SBATCH --job-name=mcs-arena\n");
        b.append("#SBATCH --array=1-").append(shards).append('\n');
        b.append("#SBATCH --cpus-per-task=").append(plan.jobs() + 1).append('\n');
        b.append("#SBATCH --mem=").append((long) plan.memoryLimitMb() * plan.jobs() + 1024).append("M\n");
        b.append("#SBATCH --time=").append(time).append('\n');
        b.append("#SBATCH --output=").append(outDir).append("/slurm-%A_%a.log\n");
        if (partition != null) b.append("#SBATCH --partition=").append(partition).append('\n');
        b.append("set -euo pipefail\n");
        b.append("mkdir -p ").append(q(outDir)).append('\n');
        b.append("K=\"${SLURM_ARRAY_TASK_ID:?run this script with sbatch}\"\n");
        b.append("exec ").append(mcs).append(" arena run ").append(q(planPath)).append(" --out ").append(q(outDir)).append("/shard-\"$K\" --shard \"$K\"/")
                .append(shards).append(" --resume\n");
        return b.toString();
    }

    /** Single-quotes a path for bash unless it is plainly safe. */
    static String q(String s) {
        return s.matches("[A-Za-z0-9_./=:+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
