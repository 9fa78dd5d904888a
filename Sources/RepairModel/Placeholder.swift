// Placeholder: the repair workflow model lands here.
