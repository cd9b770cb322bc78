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
#include <stdlib.h>
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
 * directly instead (cgsl_taus2_alloc below), giving about 2^88 distinct starting points. The
 * layout is taus.c's taus_state_t; a size check guards against a GSL that changed it. Each word
 * must exceed a minimum (s1 > 1, s2 > 7, s3 > 15) or the generator degenerates; the caller
 * ensures it. */
typedef struct { unsigned long s1, s2, s3; } cgsl_taus_state;

/* One step of taus2 on its state, exactly as GSL's taus.c computes `taus_get` (GSL 2.7). */
static inline unsigned long cgsl_taus2_step(cgsl_taus_state *st) {
    const unsigned long mask = 0xffffffffUL;
    unsigned long s1 = st->s1, s2 = st->s2, s3 = st->s3;
    s1 = (((s1 & 4294967294UL) << 12) & mask) ^ ((((s1 << 13) & mask) ^ s1) >> 19);
    s2 = (((s2 & 4294967288UL) << 4) & mask) ^ ((((s2 << 2) & mask) ^ s2) >> 25);
    s3 = (((s3 & 4294967280UL) << 17) & mask) ^ ((((s3 << 3) & mask) ^ s3) >> 11);
    st->s1 = s1; st->s2 = s2; st->s3 = s3;
    return s1 ^ s2 ^ s3;
}

/* One step of taus2 and its uniform on [0, 1), exactly as GSL's taus.c computes `taus_get` and
 * `taus_get_double` (GSL 2.7), on the generator's own state: gsl_rng_uniform(r) reaches the same
 * code through two calls and a function pointer, a third of the cost of a draw. Only for a
 * generator whose type is gsl_rng_taus2 (RandomStream checks once, when it is made); the
 * state stays GSL's, so GSL's distributions drawing from the same generator continue the same
 * sequence. A test holds it equal to gsl_rng_uniform draw for draw. */
static inline double cgsl_taus2_uniform(gsl_rng *r) {
    return cgsl_taus2_step((cgsl_taus_state *)r->state) / 4294967296.0;
}

/* A taus2 generator with the given state words, in one allocation: the gsl_rng (GSL's public
 * struct: its type and its state pointer) followed by its state, warmed up by six steps as
 * taus_set does. gsl_rng_alloc would take two allocations and first seed the state through
 * gsl_rng_set, only for the caller to overwrite it. GSL's functions use it like any generator
 * (they reach the state through r->state); it must be freed with cgsl_taus2_free, never
 * gsl_rng_free. Returns NULL when out of memory or if GSL's taus2 state is not the layout this
 * build expects. Warm-up: six steps decorrelate the first outputs from the seed words. */
typedef struct { gsl_rng rng; cgsl_taus_state state; } cgsl_taus2_block;

static inline gsl_rng *cgsl_taus2_alloc(unsigned long s1, unsigned long s2, unsigned long s3) {
    const gsl_rng_type *type = gsl_rng_taus2;
    if (type->size != sizeof(cgsl_taus_state) || strcmp(type->name, "taus2") != 0) return NULL;
    cgsl_taus2_block *block = (cgsl_taus2_block *)malloc(sizeof(cgsl_taus2_block));
    if (block == NULL) return NULL;
    block->rng.type = type;
    block->rng.state = &block->state;
    block->state.s1 = s1 & 0xffffffffUL;
    block->state.s2 = s2 & 0xffffffffUL;
    block->state.s3 = s3 & 0xffffffffUL;
    for (int i = 0; i < 6; i++) (void)cgsl_taus2_step(&block->state);
    return &block->rng;
}

/* Frees a generator made by cgsl_taus2_alloc (its gsl_rng is the block's first member). */
static inline void cgsl_taus2_free(gsl_rng *r) { free((cgsl_taus2_block *)r); }

#endif
