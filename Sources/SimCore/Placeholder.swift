// Placeholder: SimCore is built by its own work item.
