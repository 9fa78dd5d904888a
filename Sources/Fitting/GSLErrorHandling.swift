import CGSLFit

/// GSL's default error handler aborts the process; FittingError and non-finite values are the
/// only ways a fit may fail, so every public entry point that reaches GSL touches this first.
enum GSLErrorHandling {
    /// Turns the abort-on-error handler off, once per process (thread-safe lazy global).
    static let abortDisabled: Void = faultline_fit_disable_abort()
}
