import Scenario
import ServiceRules
import SimCore

/// A scenario's inventory expanded into circuits that live through its observed window (from
/// the end of the warm-up to the horizon).
///
/// Every replication of a scenario has the same circuits, so an experiment builds this once and
/// hands it to each ``RepairSimulation``: at city scale that saves each replication hundreds of
/// thousands of circuit ids and tens of megabytes of fresh memory.
public struct ExpandedInventory: Sendable {
    /// The inventory classes expanded.
    public let inventory: [InventoryClass]
    /// The observed window, wall-clock time: every circuit's `start` and `end`.
    public let window: Range<WallTime>
    /// The circuits, class by class in inventory order; circuit n (1-based) of a class has the
    /// id `<class id>-<n>`.
    public let circuits: [Circuit]
    /// The circuits resolved by the scenario's rules (plans, life spans), shared by every
    /// replication judged by them; a replication judged by other rules resolves its own.
    public let rulings: CircuitRulings

    /// Expands `scenario`'s inventory over its observed window and resolves it by its rules.
    /// - Complexity: O(circuits).
    public init(scenario: Scenario) {
        inventory = scenario.inventory
        window = scenario.observedWindow
        circuits = Self.circuits(of: inventory, window: window)
        rulings = CircuitRulings(catalogue: scenario.catalogue, circuits: circuits)
    }

    /// Whether these are `scenario`'s circuits (same inventory, same window).
    public func fits(_ scenario: Scenario) -> Bool {
        inventory == scenario.inventory && window == scenario.observedWindow
    }

    /// One expansion per scenario, shared by the scenarios whose circuits are the same.
    public static func shared(by scenarios: [Scenario]) -> [ExpandedInventory] {
        var built: [ExpandedInventory] = []
        return scenarios.map { scenario in
            if let same = built.first(where: { $0.fits(scenario) }) { return same }
            let inventory = ExpandedInventory(scenario: scenario)
            built.append(inventory)
            return inventory
        }
    }

    /// Each class's circuits are its first circuit (`ClassPlan.circuit`) with the number in the
    /// id changed, so the strings the class's circuits share are stored once.
    static func circuits(of inventory: [InventoryClass], window: Range<WallTime>) -> [Circuit] {
        var circuits: [Circuit] = []
        circuits.reserveCapacity(inventory.reduce(0) { $0 + $1.circuits })
        for inventoryClass in inventory {
            var circuit = ClassPlan.circuit(inventoryClass, number: 1, window: window)
            let prefix = "\(inventoryClass.id)-"
            for number in 1...inventoryClass.circuits {
                circuit.id = prefix + String(number)
                circuits.append(circuit)
            }
        }
        return circuits
    }
}

extension Scenario {
    /// The simulated instant the replication ends.
    var horizonTime: SimTime { .zero + horizon }
    /// The simulated instant the warm-up ends and observation starts.
    var warmupEndTime: SimTime { .zero + warmup }

    /// The observed window in wall-clock time.
    var observedWindow: Range<WallTime> {
        let clock = WallClock(start: start)
        return clock.wallTime(warmupEndTime)..<clock.wallTime(horizonTime)
    }
}
