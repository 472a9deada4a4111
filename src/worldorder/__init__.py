"""worldorder: world news into structured, explainable political event data."""

__all__: list[str] = []
