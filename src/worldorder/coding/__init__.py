"""Coding: who did what to whom (actors, event types, dyads, modality, attribution)."""
