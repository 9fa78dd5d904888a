// GSL's minimisers and special functions for the Fitting target (the random-number side lives in
// CGSL). Only Fitting imports this module; no gsl_ name leaves Fitting's internals.
#ifndef FAULTLINE_CGSLFIT_SHIM_H
#define FAULTLINE_CGSLFIT_SHIM_H

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

/// The Nelder–Mead simplex (second version: O(n) per step), as an immutable descriptor.
static inline const gsl_multimin_fminimizer_type *faultline_fit_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}

/// Turns GSL's abort-on-error handler off; errors come back as status codes instead.
static inline void faultline_fit_disable_abort(void) { gsl_set_error_handler_off(); }

#endif
