import SimCore

/// Written progress reports on installation orders open for long (source §4.5: "written
/// progress reports for provisioning > 15 working days"; docs/repair-model.md "Installation
/// progress reports").
extension ReplicationRun {
    /// Schedules an order's first report `afterWorkingDays` working days after it was placed.
    mutating func scheduleFirstProgressReport(_ index: Int) {
        guard let plan = scenario.installs.progressReports else { return }
        scheduleProgressReport(index, after: plan.afterWorkingDays)
    }

    /// A report falls due: if the order is still open, it is written (an agent's task, or the
    /// account manager's hours), and the next falls due `everyWorkingDays` later.
    mutating func installReportDue(_ index: Int) {
        guard !installOrders[index].completed, let plan = scenario.installs.progressReports else { return }
        let inWindow = simulation.now >= warmupEnd
        if inWindow { communication.installReportsDue += 1 }
        switch plan.by {
        case .accountManager:
            let work = Self.duration(plan.work.sample(streams.installReports))
            if inWindow { communication.installReportAccountManagerHours += work.hours }
        case .agent:
            requestAgent(AgentTask(ticket: -1, kind: .installReport))
        }
        scheduleProgressReport(index, after: plan.everyWorkingDays)
    }

    /// Work of an agent's installation progress report, drawn when the agent starts it.
    func installReportWork() -> SimDuration {
        Self.duration(scenario.installs.progressReports?.work.sample(streams.installReports) ?? 0)
    }

    /// Schedules the order's next report `workingDays` working days (of the calendar's working
    /// hours) from now, if it falls by the horizon.
    private mutating func scheduleProgressReport(_ index: Int, after workingDays: Int) {
        let working = SimDuration(milliseconds: scenario.calendar.workingDayLength * 1000 * Int64(workingDays))
        guard working > .zero, let due = workingHours.advance(simulation.now, working: working), due <= horizon else { return }
        simulation.schedule(.installReportDue(order: Int32(index)), at: due)
    }
}
