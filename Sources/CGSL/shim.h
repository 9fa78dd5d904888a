// The one place FaultLine touches GSL's C API directly.
//
// GSL exposes its generator types as mutable global variables (gsl_rng_mt19937, ...), which
// Swift 6 rejects as concurrency-unsafe. These static inline accessors hand out the (immutable)
// type descriptors instead, and the error-handler switch lives here so it happens once.
#ifndef FAULTLINE_CGSL_SHIM_H
#define FAULTLINE_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

/// Mersenne Twister MT19937 (the default generator).
static inline const gsl_rng_type *faultline_rng_mt19937(void) { return gsl_rng_mt19937; }
/// RANLUX, second luxury level, double precision.
static inline const gsl_rng_type *faultline_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
/// L'Ecuyer's maximally equidistributed Tausworthe generator.
static inline const gsl_rng_type *faultline_rng_taus2(void) { return gsl_rng_taus2; }

/// Turns GSL's abort-on-error handler off; errors come back as status codes instead.
/// Idempotent: safe to call more than once.
static inline void faultline_gsl_disable_abort(void) { gsl_set_error_handler_off(); }

/// A uniform double in the open interval (0, 1), inlined into Swift's hot path (GSL's own
/// gsl_rng_uniform_pos is an out-of-line call unless GSL's HAVE_INLINE is defined).
static inline double faultline_rng_uniform_open(const gsl_rng *r) {
    double x = r->type->get_double(r->state);
    while (x == 0.0) { x = r->type->get_double(r->state); }
    return x;
}

/// The generator's next raw integer, inlined (gsl_rng_get is an out-of-line call unless GSL's
/// HAVE_INLINE is defined). For the generators FaultLine offers it is uniform on 0 ... 2^32 - 1.
static inline unsigned long faultline_rng_get(const gsl_rng *r) {
    return r->type->get(r->state);
}

/// The smallest and largest values faultline_rng_get can return.
static inline unsigned long faultline_rng_min(const gsl_rng *r) { return r->type->min; }
static inline unsigned long faultline_rng_max(const gsl_rng *r) { return r->type->max; }

#endif
