"""Wire contracts: Faust records (code side) and JSON Schema files (`schemas/json/`).

Importing this package is cheap; `schemas.records` pulls in Faust and is
imported only where records are needed.
"""

from pathlib import Path

JSON_DIR = Path(__file__).resolve().parent / "json"
SCHEMA_VERSION = "1.0"

__all__ = ["JSON_DIR", "SCHEMA_VERSION"]
