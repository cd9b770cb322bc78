#ifndef DELIVERYSIM_CGSL_SHIM_H
#define DELIVERYSIM_CGSL_SHIM_H

/* The parts of GSL that DeliverySim uses, plus static inline accessors for what Swift 6
 * cannot touch directly. GSL publishes its generator types as mutable globals
 * (`gsl_rng_taus2` ...), which Swift 6 rejects as shared mutable state; the accessors
 * below read them from C instead. */

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_rstat.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sf_result.h>
#include <gsl/gsl_math.h>
#include <string.h>

/* Generator types. */
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxs0(void) { return gsl_rng_ranlxs0; }
static inline const gsl_rng_type *cgsl_rng_gfsr4(void) { return gsl_rng_gfsr4; }

/* Turn off GSL's default error handler, which calls abort(). Returns the previous one. */
static inline void cgsl_disable_error_handler(void) { (void)gsl_set_error_handler_off(); }

/* taus2 keeps three 32-bit words (held in unsigned longs). gsl_rng_set() derives them from a
 * single 32-bit seed, so at most 2^32 streams are distinct. DeliverySim writes all three words
 * directly instead, giving about 2^88 distinct starting points. The layout is taus.c's
 * taus_state_t; the size check guards against a GSL that changed it. Each word must exceed a
 * minimum (s1 > 1, s2 > 7, s3 > 15) or the generator degenerates; the caller ensures it.
 * Returns 0 on success, -1 if the generator is not taus2-shaped. */
typedef struct { unsigned long s1, s2, s3; } cgsl_taus_state;

static inline int cgsl_taus2_set_state(gsl_rng *r, unsigned long s1, unsigned long s2, unsigned long s3) {
    if (gsl_rng_size(r) != sizeof(cgsl_taus_state) || strcmp(gsl_rng_name(r), "taus2") != 0) return -1;
    cgsl_taus_state *st = (cgsl_taus_state *)gsl_rng_state(r);
    st->s1 = s1 & 0xffffffffUL;
    st->s2 = s2 & 0xffffffffUL;
    st->s3 = s3 & 0xffffffffUL;
    /* Warm up as taus_set does: six steps decorrelate the first outputs from the seed words. */
    for (int i = 0; i < 6; i++) (void)gsl_rng_get(r);
    return 0;
}

/* One step of taus2 and its uniform on [0, 1), exactly as GSL's taus.c computes `taus_get` and
 * `taus_get_double` (GSL 2.7), on the generator's own state: gsl_rng_uniform(r) reaches the same
 * code through two calls and a function pointer, a third of the cost of a draw. Only for a
 * generator whose type is gsl_rng_taus2 (RandomStream checks once, when it is made); the
 * state stays GSL's, so GSL's distributions drawing from the same generator continue the same
 * sequence. A test holds it equal to gsl_rng_uniform draw for draw. */
static inline double cgsl_taus2_uniform(gsl_rng *r) {
    cgsl_taus_state *st = (cgsl_taus_state *)r->state;
    const unsigned long mask = 0xffffffffUL;
    unsigned long s1 = st->s1, s2 = st->s2, s3 = st->s3;
    s1 = (((s1 & 4294967294UL) << 12) & mask) ^ ((((s1 << 13) & mask) ^ s1) >> 19);
    s2 = (((s2 & 4294967288UL) << 4) & mask) ^ ((((s2 << 2) & mask) ^ s2) >> 25);
    s3 = (((s3 & 4294967280UL) << 17) & mask) ^ ((((s3 << 3) & mask) ^ s3) >> 11);
    st->s1 = s1; st->s2 = s2; st->s3 = s3;
    return (s1 ^ s2 ^ s3) / 4294967296.0;
}

#endif
