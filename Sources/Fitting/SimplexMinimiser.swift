import CGSLFit

/// GSL's Nelder–Mead simplex (`nmsimplex2`), owned for one minimisation: minimises a function of a
/// few unconstrained variables without derivatives.
///
/// Callers reparameterise so that every point of ℝⁿ is a valid parameter (logs of positive
/// parameters), so the simplex can never step outside the family's domain.
struct SimplexMinimiser {
    /// Largest number of simplex steps before giving up.
    var maximumSteps = 5_000
    /// Converged when the simplex's characteristic size falls below this.
    var sizeTolerance = 1e-9

    /// The point found and the objective there, or `nil` if GSL failed or the value is not finite.
    /// - Parameters:
    ///   - start: the starting point.
    ///   - step: the initial simplex's extent along each axis.
    ///   - objective: the function to minimise; return `.infinity` where it is undefined.
    func minimise(from start: [Double], step: [Double], _ objective: @escaping ([Double]) -> Double) -> (point: [Double], value: Double)? {
        let n = start.count
        let box = ObjectiveBox(objective, dimension: n)
        let context = Unmanaged.passRetained(box)
        defer { context.release() }
        guard let minimiser = gsl_multimin_fminimizer_alloc(faultline_fit_nmsimplex2(), n) else { return nil }
        defer { gsl_multimin_fminimizer_free(minimiser) }
        let x = Self.vector(start), s = Self.vector(step)
        defer { gsl_vector_free(x); gsl_vector_free(s) }
        var function = gsl_multimin_function(f: { v, params in
            let box = Unmanaged<ObjectiveBox>.fromOpaque(params!).takeUnretainedValue()
            return box.evaluate(v!)
        }, n: n, params: context.toOpaque())
        guard gsl_multimin_fminimizer_set(minimiser, &function, x, s) == GSL_SUCCESS else { return nil }
        for _ in 0..<maximumSteps {
            guard gsl_multimin_fminimizer_iterate(minimiser) == GSL_SUCCESS else { break }
            if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimiser), sizeTolerance) == GSL_SUCCESS { break }
        }
        let best = (0..<n).map { gsl_vector_get(minimiser.pointee.x, $0) }
        let value = minimiser.pointee.fval
        return value.isFinite ? (best, value) : nil
    }

    /// A freshly allocated GSL vector holding `values`.
    private static func vector(_ values: [Double]) -> UnsafeMutablePointer<gsl_vector> {
        let v = gsl_vector_alloc(values.count)!
        for (i, value) in values.enumerated() { gsl_vector_set(v, i, value) }
        return v
    }
}

/// The Swift objective behind GSL's C callback, with a reused argument buffer so that an
/// evaluation allocates nothing.
private final class ObjectiveBox {
    let objective: ([Double]) -> Double
    var argument: [Double]

    init(_ objective: @escaping ([Double]) -> Double, dimension: Int) {
        self.objective = objective
        argument = [Double](repeating: 0, count: dimension)
    }

    func evaluate(_ v: UnsafePointer<gsl_vector>) -> Double {
        for i in argument.indices { argument[i] = gsl_vector_get(v, i) }
        let value = objective(argument)
        return value.isFinite ? value : .greatestFiniteMagnitude
    }
}
