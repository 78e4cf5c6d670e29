"""Event-type classification and argument extraction.

Pure Python / PyTorch / transformers code. Nothing in this package imports
Faust: `streams/` orchestrates it, and every function here can be tested
without a broker.
"""

EVENT_TYPES: tuple[str, ...] = ("drone_strike", "negotiation", "sanctions", "prisoner_swap")

__all__ = ["EVENT_TYPES"]
