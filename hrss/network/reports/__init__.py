"""月报 (reports), a part of 平台建设与考核 (hrss/network)."""
