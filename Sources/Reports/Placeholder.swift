// Placeholder: Reports is built by its own work item.
