"""Pure rules of the multi-partner agreement workflow: no Flask, no SQLAlchemy."""
