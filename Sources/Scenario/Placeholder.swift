// Placeholder: the scenario format lands here.
