"""Refund Assistant's core: every decision the assistant makes, with no Rasa import.

Why a package of its own: reading a store description, the verdict, review windows, masking
personal data, building a handoff ticket and the deflection report's figures are the product;
Rasa is how they reach sellers. Kept apart, each can be read and tested without a server, and
the shells around it (`actions/`, `addons/`, `channels/`, `scripts/`, `bench/`) stay thin.
"""
