"""Drivers that map the per-document pipeline over many inputs."""
