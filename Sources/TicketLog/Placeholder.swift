// Placeholder: TicketLog is built by its own work item.
