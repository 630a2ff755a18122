"""The HTTP layer of the public service, one concern per module (order: settings.MIDDLEWARE)."""
