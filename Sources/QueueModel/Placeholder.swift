// Placeholder: QueueModel is built by its own work item.
