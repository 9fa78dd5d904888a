// Placeholder: ServiceRules is built by its own work item.
