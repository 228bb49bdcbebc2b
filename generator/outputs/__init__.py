"""Stage 4: each output drawn through its kind (templates and contexts, or a writer) and written
into docs/, which only write.py touches."""
