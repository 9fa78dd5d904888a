import Fitting
import ServiceRules

/// A circuit attribute that splits the inventory into classes for fault rates (`--by`).
public enum ClassDimension: String, CaseIterable, Sendable, Encodable {
    case product, tier, region, grade

    /// The circuit's value on this dimension (`—` when the inventory leaves it empty).
    func value(of circuit: Circuit) -> String {
        switch self {
        case .product: circuit.product
        case .tier: circuit.tier ?? "—"
        case .region: circuit.region ?? "—"
        case .grade: circuit.customerGrade.rawValue
        }
    }
}

/// One inventory class's fault rate: faults per circuit per 365-day year, with its interval and
/// the rule that produced it (own rate, or pooled toward its product when sparse).
public struct ClassRate: Sendable, Encodable {
    /// The class's values on the `--by` dimensions, joined by ` / `.
    public let key: String
    /// The product: the group a sparse class is pooled toward.
    public let product: String
    /// Circuits of the class in the inventory.
    public let circuits: Int
    /// The rate, its 95 % interval and the pooling rule (`RatePooling`).
    public let estimate: RateEstimate
}

/// Fault rates per inventory class and per product, over the log's window.
///
/// Events are tickets (one per fault, protected or not) whose `fault_start` lies in the window;
/// exposure is each circuit's years in service inside the window. A class with fewer than
/// `minimumEvents` faults is pooled toward its product (`RatePooling`, empirical Bayes); none
/// is dropped. The product rate (all its classes together, Garwood's interval) is what the
/// scenario format takes: it has one rate per product.
public struct FaultRates: Sendable, Encodable {
    /// One rate per class, in the order of first appearance in the inventory.
    public let classes: [ClassRate]
    /// One rate per product (own rate, exact interval), in the order of first appearance.
    public let products: [RateEstimate]

    /// Counts faults and exposure per class.
    /// - Throws: ``CalibrationError/emptyWindow(_:)`` when no circuit is in service in the window.
    public init(circuits: [Circuit], tickets: [TicketRecord], window: ObservationWindow,
                by dimensions: [ClassDimension], minimumEvents: Int) throws(CalibrationError) {
        var tally = Tally(dimensions: dimensions)
        for circuit in circuits { tally.add(circuit, exposure: window.exposureYears(of: circuit)) }
        guard tally.totalExposure > 0 else {
            throw .emptyWindow("no circuit of the inventory is in service inside the log's window \(window.start.isoString) … \(window.end.isoString); the window does not cover the inventory's dates")
        }
        for ticket in tickets where window.contains(ticket.faultStart) { tally.count(ticket) }
        do {
            let estimates = try RatePooling.estimate(tally.rateClasses, minimumEvents: minimumEvents)
            classes = zip(tally.keys, estimates).map { key, estimate in
                ClassRate(key: key, product: estimate.group, circuits: tally.circuits[key] ?? 0, estimate: estimate)
            }
            products = try tally.productClasses.map { item throws(FittingError) in
                try PoissonInterval.rate(name: item.name, group: item.name, events: item.events, exposure: item.exposure)
            }
        } catch {
            throw .emptyWindow("fault rates: \(error.message)")
        }
    }

    /// Classes whose rate is not their own (pooled toward their product).
    public var pooledClasses: [ClassRate] { classes.filter(\.estimate.pooled) }
}

/// Faults and exposure gathered per class key and per product.
private struct Tally {
    let dimensions: [ClassDimension]
    var keys: [String] = [], products: [String] = []
    var product: [String: String] = [:], circuits: [String: Int] = [:]
    var exposure: [String: Double] = [:], events: [String: Int] = [:]
    var productOfCircuit: [String: String] = [:], keyOfCircuit: [String: String] = [:]
    var productExposure: [String: Double] = [:], productEvents: [String: Int] = [:]
    var totalExposure = 0.0

    init(dimensions: [ClassDimension]) { self.dimensions = dimensions }

    mutating func add(_ circuit: Circuit, exposure years: Double) {
        let key = dimensions.map { $0.value(of: circuit) }.joined(separator: " / ")
        if product[key] == nil { keys.append(key); product[key] = circuit.product }
        if productExposure[circuit.product] == nil { products.append(circuit.product) }
        circuits[key, default: 0] += 1
        exposure[key, default: 0] += years
        productExposure[circuit.product, default: 0] += years
        keyOfCircuit[circuit.id] = key
        productOfCircuit[circuit.id] = circuit.product
        totalExposure += years
    }

    mutating func count(_ ticket: TicketRecord) {
        guard let key = keyOfCircuit[ticket.circuitID], let product = productOfCircuit[ticket.circuitID] else { return }
        events[key, default: 0] += 1
        productEvents[product, default: 0] += 1
    }

    /// Classes with no exposure (every circuit outside the window) are left to their product:
    /// they are given a minute of exposure so that pooling can still name them.
    var rateClasses: [RateClass] {
        keys.map { RateClass(name: $0, group: product[$0]!, events: events[$0] ?? 0, exposure: max(exposure[$0]!, Self.leastExposure)) }
    }

    var productClasses: [RateClass] {
        products.map { RateClass(name: $0, group: $0, events: productEvents[$0] ?? 0, exposure: max(productExposure[$0]!, Self.leastExposure)) }
    }

    /// One minute, in years.
    static let leastExposure = 60.0 / ObservationWindow.secondsPerYear
}
