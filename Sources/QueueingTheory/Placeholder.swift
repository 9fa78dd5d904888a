// Placeholder: QueueingTheory is built by its own work item.
