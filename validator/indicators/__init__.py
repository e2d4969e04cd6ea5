"""The indicator catalogue (data/indicators.toml) and its detectors."""

from validator.indicators.base import DetectionContext, Indicator, catalogue, detect_all

__all__ = ["DetectionContext", "Indicator", "catalogue", "detect_all"]
