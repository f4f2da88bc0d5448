/* Runs the perm() of the glynn_lanes anchor (REFERENCES §3) on a matrix read from stdin, so that the anchor and
 * `glynn` compute the same matrix in one run (mcs.bench.perm.GlynnVsAnchor). The anchor is included unchanged:
 * its own main is renamed, nothing else is touched. Build (the harness does it):
 *   cc -O3 -march=native -fopenmp -DGLYNN_LANES_C='"/path/to/glynn_lanes.c"' glynn_anchor_main.c -o glynn_anchor
 * Usage: glynn_anchor N THREADS REPEATS < matrix   (N*N numbers, row-major, decimal or C99 hex floats)
 * Prints one line per repeat: value seconds (perm() only, as the anchor's own main times it). */
#define main glynn_lanes_main
#include GLYNN_LANES_C
#undef main

int main(int argc, char **argv){
  if(argc < 4){ fprintf(stderr, "usage: glynn_anchor N THREADS REPEATS < matrix\n"); return 2; }
  int n = atoi(argv[1]), th = atoi(argv[2]), reps = atoi(argv[3]);
  if(n < K || n > 64){ fprintf(stderr, "glynn_anchor: n must be in [%d, 64], got %d\n", K, n); return 2; }
  double *a = malloc(sizeof(double) * n * n);
  for(int i = 0; i < n * n; i++) if(scanf("%lf", &a[i]) != 1){ fprintf(stderr, "glynn_anchor: expected %d numbers, read %d\n", n * n, i); return 2; }
  for(int r = 0; r < reps; r++){
    double t0 = now(); double v = perm(n, a, th); double t1 = now();
    printf("%.17g %.6f\n", v, t1 - t0);
    fflush(stdout);
  }
  return 0;
}
