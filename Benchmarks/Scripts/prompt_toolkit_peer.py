"""The peer: the smallest prompt_toolkit prompt, what a Python author would reach for."""
from prompt_toolkit import prompt

prompt("> ")
