"""Linguistic knowledge for coding, shipped as versioned YAML (read with importlib.resources)."""
