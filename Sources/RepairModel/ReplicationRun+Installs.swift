import SimCore

/// Installation and move orders: Poisson over the whole inventory, spread over regions in
/// proportion to their circuits, served by on-duty crews behind every repair ticket.
extension ReplicationRun {
    /// Schedules the next order, if any falls before the horizon.
    mutating func scheduleNextInstall() {
        guard scenario.installs.perDay > 0 else { return }
        let gap = streams.installOrders.exponential(mean: 1440 / scenario.installs.perDay)
        let time = simulation.now + Self.duration(gap)
        if time <= horizon { simulation.schedule(.installOrdered, at: time) }
    }

    /// An order arrives: its region, travel and work are drawn; a free duty crew takes it, else it waits.
    mutating func installOrdered() {
        let u = streams.installOrders.uniform()
        let region = installShares.firstIndex { u < $0 } ?? installShares.count - 1
        let order = InstallOrder(
            region: Int32(region), orderedAt: simulation.now,
            work: Self.duration(scenario.installs.work.sample(streams.installWork)),
            travel: Self.duration(travel[region].sample(streams.installWork)))
        installOrders.append(order)
        let index = installOrders.count - 1
        if desks[region].hasFreeDutyCrew {
            desks[region].busyOnDuty += 1
            assignInstall(index)
            desks[region].recordLevels(at: simulation.now)
        } else {
            desks[region].line.push(job: Int32(-index - 1), priority: ClassPlan.installPriority, token: 0)
        }
        scheduleNextInstall()
    }

    /// A duty crew is assigned (the appointment) and sets off; travel and work follow.
    mutating func assignInstall(_ index: Int) {
        installOrders[index].assigned = true
        installOrders[index].assignedAt = simulation.now
        let busy = installOrders[index].travel + installOrders[index].work
        simulation.schedule(.installDone(order: Int32(index)), after: busy)
    }

    /// The installation is complete; the crew is freed.
    mutating func installDone(_ index: Int) {
        installOrders[index].completedAt = simulation.now
        installOrders[index].completed = true
        releaseCrew(Int(installOrders[index].region), kind: .onDuty)
    }
}
