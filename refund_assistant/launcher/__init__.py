"""Starting Refund Assistant's servers: what `make run` and `make shell` run (`cli`), the
settings files Rasa reads (`rasa_files`), supervising processes (`processes`), and a whole bot
on free ports for tests and benchmarks (`local_bot`, `scratch_services`)."""
