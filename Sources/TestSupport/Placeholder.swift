// Placeholder: TestSupport is built by its own work item.
