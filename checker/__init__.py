"""check: compares local plans with the directive they implement and says what is missing, weaker or wrong."""

__version__ = "0.1.0"
