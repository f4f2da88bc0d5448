/* OpenBLAS/LAPACK dpotrf (lower) on an n x n SPD matrix (entries in [-1/2, 1/2], diagonal sqrt(n) + 1/2), the yardstick of
   bench/cholesky-anchor.sh for the Schur-complement Cholesky that dominates ipm. cc -O2 potrf.c -llapack -lm */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>
extern void dpotrf_(const char*, const int*, double*, const int*, int*);
int main(int argc, char** argv) {
  int n = atoi(argv[1]), reps = atoi(argv[2]);
  double* a = malloc(sizeof(double) * n * n); double* b = malloc(sizeof(double) * n * n);
  unsigned long long s = 7;
  for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    double v = (i == j) ? sqrt(n) + 0.5 : ((s >> 11) * 0x1.0p-53) - 0.5;
    a[(size_t)i * n + j] = v; a[(size_t)j * n + i] = v; }
  double best = 1e30, tot = 0;
  for (int r = 0; r < reps; r++) {
    for (size_t k = 0; k < (size_t)n * n; k++) b[k] = a[k];
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    int info; dpotrf_("L", &n, b, &n, &info);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double t = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9; tot += t; if (t < best) best = t;
    if (info) { printf("info %d\n", info); return 1; } }
  printf("dpotrf n=%d: mean %.3f s, best %.3f s, %.1f GFlop/s (mean)\n", n, tot / reps, best, (double)n*n*n/3/(tot/reps)/1e9);
}
