import QueueModel
import QueueingTheory
import Reports
import SimCore

extension QueueReport {
    /// The JSON document of a run: the model, `overall`, `classes`, run figures and, when given,
    /// timing and the closed-form predictions. Keys in a fixed order, so the same run with the
    /// same seed (and timing left out) gives byte-identical files.
    static func json(
        _ configuration: QueueConfiguration, _ estimates: QueueEstimates, wallSeconds: Double?,
        theory: PriorityQueueTheory?
    ) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("model", model(configuration)),
            JSONMember("replications", .int(estimates.replications)),
            JSONMember("overall", statistics(estimates.overall)),
            JSONMember("classes", .array(estimates.classes.map(statistics))),
        ]
        members += estimate("utilisation", estimates.utilisation)
        members += estimate("meanInSystem", estimates.meanInSystem)
        members += estimate("observedArrivalRate", estimates.observedArrivalRate)
        members.append(JSONMember("littleLawGap", finite(estimates.littleLawGap)))
        members += estimate("simulatedTime", estimates.simulatedTime)
        members.append(JSONMember("events", .int(estimates.events)))
        if let wallSeconds {
            members.append(JSONMember("wallSeconds", finite(wallSeconds)))
            members.append(JSONMember("eventsPerSecond", finite(Double(estimates.events) / max(wallSeconds, 1e-9))))
        }
        if let theory { members.append(JSONMember("analytic", analytic(theory))) }
        return .object(members)
    }

    static func model(_ configuration: QueueConfiguration) -> JSONValue {
        [
            "servers": .int(configuration.servers),
            "arrivalRate": finite(configuration.arrivalRate),
            "service": .string(configuration.service.description),
            "classShares": .array(configuration.classShares.map(finite)),
            "customers": .int(configuration.customers),
            "seed": .string(String(configuration.seed)),
            "generator": .string(configuration.generator.rawValue),
        ]
    }

    /// A class's figures: means over the replications, and for two or more replications each
    /// mean's 95 % confidence half-width as `<key>HalfWidth95`.
    static func statistics(_ e: ClassEstimates) -> JSONValue {
        var members = [JSONMember("completed", .int(e.completed))]
        members += estimate("meanWait", e.meanWait)
        members += estimate("pWait", e.pWait)
        members += estimate("meanSojourn", e.meanSojourn)
        members += estimate("waitP50", e.waitP50)
        members += estimate("waitP90", e.waitP90)
        members += estimate("waitP99", e.waitP99)
        return .object(members)
    }

    /// `key: mean`, followed by `keyHalfWidth95` when the estimate has a confidence interval.
    static func estimate(_ key: String, _ value: Estimate) -> [JSONMember] {
        var members = [JSONMember(key, finite(value.mean))]
        if value.hasInterval { members.append(JSONMember(key + "HalfWidth95", finite(value.halfWidth))) }
        return members
    }

    static func analytic(_ theory: PriorityQueueTheory) -> JSONValue {
        [
            "method": .string(theory.isExact ? "Erlang C / Cobham (exact)" : "Allen–Cunneen approximation"),
            "utilisation": finite(theory.utilisation),
            "pWait": finite(theory.waitProbability),
            "meanWait": finite(theory.meanWait),
            "meanSojourn": finite(theory.meanSojourn),
            "classMeanWait": .array(theory.arrivalRates.indices.map { finite(theory.meanWait(ofClass: $0)) }),
            "waitP50": .optional(theory.waitQuantile(0.5).map(finite)),
            "waitP90": .optional(theory.waitQuantile(0.9).map(finite)),
            "waitP99": .optional(theory.waitQuantile(0.99).map(finite)),
        ]
    }

    /// A number, or `null` when it is not finite (an unstable class's wait is infinite).
    static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }
}

/// Writes a JSON document atomically; a failure becomes a user-facing error naming the option.
func writeOutput(_ document: JSONValue, to path: String, option: String) throws {
    do {
        try AtomicFile.write(try JSONWriter().encode(document), to: path, option: option)
    } catch {
        throw UserError("\(error)")
    }
}
