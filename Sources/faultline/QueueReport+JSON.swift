import QueueModel
import QueueingTheory
import Reports

extension QueueReport {
    /// The JSON document of a run: the model, `overall`, `classes`, run figures and, when given,
    /// timing and the closed-form predictions. Keys in a fixed order, so the same run with the
    /// same seed (and timing left out) gives byte-identical files.
    static func json(
        _ configuration: QueueConfiguration, _ result: QueueResult, wallSeconds: Double?,
        theory: PriorityQueueTheory?
    ) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("model", model(configuration)),
            JSONMember("overall", statistics(result.overall)),
            JSONMember("classes", .array(result.classes.map(statistics))),
            JSONMember("utilisation", finite(result.utilisation)),
            JSONMember("meanInSystem", finite(result.meanInSystem)),
            JSONMember("observedArrivalRate", finite(result.observedArrivalRate)),
            JSONMember("littleLawGap", finite(result.littleLawGap)),
            JSONMember("simulatedTime", finite(result.simulatedTime)),
            JSONMember("events", .int(result.events)),
        ]
        if let wallSeconds {
            members.append(JSONMember("wallSeconds", finite(wallSeconds)))
            members.append(JSONMember("eventsPerSecond", finite(Double(result.events) / max(wallSeconds, 1e-9))))
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

    static func statistics(_ s: ClassStatistics) -> JSONValue {
        [
            "completed": .int(s.completed), "meanWait": finite(s.meanWait), "pWait": finite(s.pWait),
            "meanSojourn": finite(s.meanSojourn), "waitP50": finite(s.waitP50),
            "waitP90": finite(s.waitP90), "waitP99": finite(s.waitP99),
        ]
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
        try AtomicFile.write(try JSONWriter().encode(document), to: path)
    } catch {
        throw UserError("\(option): cannot write \(path): \(error)")
    }
}
