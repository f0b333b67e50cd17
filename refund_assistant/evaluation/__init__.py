"""Scoring the running bot's replies against labelled messages, without Rasa.

Why in the core: which response a reply came from, and whether it answers the labelled
question, are product rules (they read `domain.yml` and `data/rules/`); keeping them here lets
them be unit-tested on hand-made replies while `bench/score_blind.py` only does the HTTP.
"""
