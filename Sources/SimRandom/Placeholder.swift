// Placeholder: SimRandom is built by its own work item.
