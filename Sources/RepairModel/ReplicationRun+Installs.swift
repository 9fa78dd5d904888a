import SimCore

/// Installation and move orders: Poisson in the calendar's working hours over the whole
/// inventory, spread over regions in proportion to their circuits, served by on-duty crews
/// behind every repair ticket, and started only in working hours.
/// An order needing construction (`installs.construction`) joins the crews' line only when it
/// is done; long-open orders get progress reports (``ReplicationRun/installReportDue(_:)``).
extension ReplicationRun {
    /// Schedules the next order: `installs.perDay` per working day, so the gap is exponential
    /// in working time (mean = working-day length / perDay) and counts only working hours.
    mutating func scheduleNextInstall() {
        let dayMinutes = Double(scenario.calendar.workingDayLength) / 60
        guard scenario.installs.perDay > 0, dayMinutes > 0 else { return }
        let gap = streams.installOrders.exponential(mean: dayMinutes / scenario.installs.perDay)
        guard let time = workingHours.advance(simulation.now, working: Self.duration(gap)), time <= horizon else { return }
        simulation.schedule(.installOrdered, at: time)
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
        if let construction = scenario.installs.construction,
           streams.installConstruction.uniform() < construction.share {
            simulation.schedule(.installReady(order: Int32(index)),
                                after: Self.duration(construction.time.sample(streams.installConstruction)))
        } else {
            offerInstall(index)
        }
        scheduleFirstProgressReport(index)
        scheduleNextInstall()
    }

    /// The order is ready for a crew: a free duty crew takes it in working hours, else it waits.
    private mutating func offerInstall(_ index: Int) {
        let region = Int(installOrders[index].region)
        if desks[region].hasFreeDutyCrew, workingHours.isWorking(simulation.now) {
            desks[region].busyOnDuty += 1
            assignInstall(index)
            desks[region].recordLevels(at: simulation.now)
        } else {
            desks[region].line.push(CrewJob(index: Int32(-index - 1), token: 0), band: ClassPlan.installBand, key: 0)
        }
    }

    /// Construction is done.
    mutating func installReady(_ index: Int) {
        offerInstall(index)
    }

    /// A duty crew is assigned (the appointment) and sets off; travel and work follow. Work
    /// started in working hours runs to its end.
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

    /// Whether duty crews may start installation work now (inside the calendar's working hours).
    var installsMayStart: Bool { workingHours.isWorking(simulation.now) }

    /// Working hours begin: free duty crews start the waiting installations.
    mutating func workingHoursBegin() {
        for region in desks.indices {
            while desks[region].hasFreeDutyCrew, let job = takeNext(region, repairsOnly: false) {
                desks[region].busyOnDuty += 1
                start(job, region: region, by: .onDuty)
            }
            desks[region].recordLevels(at: simulation.now)
        }
        scheduleWorkingHoursBegin()
    }

    /// Schedules the next start of working hours, when the scenario has installations.
    mutating func scheduleWorkingHoursBegin() {
        guard scenario.installs.perDay > 0, let next = workingHours.nextSpanStart(after: simulation.now),
              next <= horizon else { return }
        simulation.schedule(.workingHoursBegin, at: next)
    }
}
