"""FRA Atlas trainer: synthetic claim text -> teacher -> distilled student -> ONNX (fp32 + int8) -> package."""
