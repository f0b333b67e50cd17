"""Dialogue decisions Rasa's rules cannot express: where a walk-through move leads, what a bare
yes/no answers, which topics to offer when unsure, and when to ask for feedback."""
