"""A slice of the task-manager API: accounts, tokens and private task lists."""
